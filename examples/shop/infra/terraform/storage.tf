resource "aws_ecr_repository" "service" {
  for_each = toset(local.services)

  name                 = "shop-${each.key}"
  image_tag_mutability = "MUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

# Book cover images, served to the web app through presigned URLs.
resource "aws_s3_bucket" "covers" {
  bucket = "${local.name}-book-covers"
}

resource "aws_s3_bucket_public_access_block" "covers" {
  bucket                  = aws_s3_bucket.covers.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
