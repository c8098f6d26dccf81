environment        = "production"
node_instance_type = "m6i.large"
node_count         = 3
db_instance_class  = "db.m6g.large"
