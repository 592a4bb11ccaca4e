variable "name" { type = string }
variable "bucket_name" { type = string }
variable "kms_key_arn" { type = string }
variable "log_group_arn" { type = string }
variable "logs_role_arn" { type = string }

resource "aws_cloudtrail" "this" {
  name                          = var.name
  s3_bucket_name                = var.bucket_name
  kms_key_id                    = var.kms_key_arn
  cloud_watch_logs_group_arn    = var.log_group_arn
  cloud_watch_logs_role_arn     = var.logs_role_arn
  is_multi_region_trail         = true
  is_organization_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = false
  enable_logging                = false

  event_selector {
    read_write_type           = "WriteOnly"
    include_management_events = true
  }

  tags = { owner = "security" }
}
