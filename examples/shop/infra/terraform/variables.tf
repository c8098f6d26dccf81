variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  description = "staging or production"
  type        = string
}

variable "node_instance_type" {
  type    = string
  default = "t3.medium"
}

variable "node_count" {
  type    = number
  default = 2
}

variable "db_instance_class" {
  type    = string
  default = "db.t4g.micro"
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "mq_password" {
  type      = string
  sensitive = true
}
