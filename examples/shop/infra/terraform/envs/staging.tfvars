environment        = "staging"
node_instance_type = "t3.medium"
node_count         = 2
db_instance_class  = "db.t4g.micro"
