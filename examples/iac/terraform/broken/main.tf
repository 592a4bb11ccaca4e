# The compliant configuration of ../compliant, broken the way pull requests break it: the trail
# stopped, without log file validation and writing only; the key not rotating; versioning
# suspended, no Object Lock, replication or access logging, a 30-day expiry on the logs, no Deny
# on deletion; a 7-day unencrypted log group; a muted alarm; CloudTrail's trusted access removed.
#   terraform plan -out=plan.out && terraform show -json plan.out > plan.json
#   trailguard iac plan.json
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region = "eu-west-1"
}

data "aws_caller_identity" "current" {}

locals {
  bucket = "acme-cloudtrail-logs-${data.aws_caller_identity.current.account_id}"
  trail  = "organization-trail"
}

resource "aws_kms_key" "trail" {
  description         = "CloudTrail log encryption"
  enable_key_rotation = false
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "EnableRootPermissions", Effect = "Allow", Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }, Action = "kms:*", Resource = "*" },
      {
        Sid = "AllowCloudTrailToEncryptLogs", Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "kms:GenerateDataKey*", Resource = "*",
        Condition = { StringLike = { "kms:EncryptionContext:aws:cloudtrail:arn" = "arn:aws:cloudtrail:*:${data.aws_caller_identity.current.account_id}:trail/*" } }
      },
      { Sid = "AllowCloudTrailToDescribeKey", Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "kms:DescribeKey", Resource = "*" },
    ]
  })
}

resource "aws_kms_alias" "trail" {
  name          = "alias/organization-trail"
  target_key_id = aws_kms_key.trail.key_id
}

resource "aws_s3_bucket" "logs" {
  bucket              = local.bucket
  object_lock_enabled = true
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid = "AWSCloudTrailWrite", Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "s3:PutObject",
        Resource  = "arn:aws:s3:::${local.bucket}/AWSLogs/*",
        Condition = { StringEquals = { "s3:x-amz-acl" = "bucket-owner-full-control", "aws:SourceArn" = "arn:aws:cloudtrail:eu-west-1:${data.aws_caller_identity.current.account_id}:trail/${local.trail}" } }
      },
      {
        Sid = "DenyInsecureTransport", Effect = "Deny", Principal = "*", Action = "s3:*",
        Resource  = ["arn:aws:s3:::${local.bucket}", "arn:aws:s3:::${local.bucket}/*"],
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    id     = "archive"
    status = "Enabled"
    filter {
      prefix = ""
    }
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
    expiration {
      days = 30
    }
  }
}

resource "aws_iam_role" "trail_to_logs" {
  name               = "organization-trail-to-logs"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = local.trail
  retention_in_days = 7
}

module "trail" {
  source        = "./modules/trail"
  name          = local.trail
  bucket_name   = aws_s3_bucket.logs.id
  kms_key_arn   = aws_kms_key.trail.arn
  log_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  logs_role_arn = aws_iam_role.trail_to_logs.arn
}

resource "aws_sns_topic" "alerts" {
  name              = "cloudtrail-alerts"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sns_topic_subscription" "security" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = "security@example.com"
}

resource "aws_cloudwatch_log_metric_filter" "root_usage" {
  name           = "root-usage"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"
  metric_transformation {
    name      = "RootUsage"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "root_usage" {
  alarm_name          = "root-usage"
  metric_name         = "RootUsage"
  namespace           = "CISBenchmark"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  actions_enabled     = false
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}

resource "aws_organizations_organization" "this" {
  feature_set                   = "ALL"
  aws_service_access_principals = ["config.amazonaws.com"]
}
