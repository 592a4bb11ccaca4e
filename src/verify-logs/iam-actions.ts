/**
 * The IAM actions verify-logs calls: the trail and CloudTrail's public keys, then the digest
 * and log files in the trail's bucket (s3:ListBucket is ListObjectsV2's action), and
 * kms:Decrypt, which S3 needs to return files encrypted with the trail's KMS key.
 */
export const VERIFY_LOGS_ACTIONS = ['cloudtrail:GetTrail', 'cloudtrail:ListPublicKeys', 'kms:Decrypt', 's3:GetObject', 's3:ListBucket'];
