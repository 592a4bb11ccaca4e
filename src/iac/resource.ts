/** A configuration's resources as both front ends (Terraform plan, CloudFormation template) read them. */
/** What applying the configuration does to the resource. */
export type ChangeAction = 'create' | 'update' | 'delete' | 'no-op';

/** Where a resource is written: a CloudFormation template's logical id, a Terraform `resource` block. */
export interface ResourceLocation {
  /** Path relative to the working directory (absent for a Terraform resource whose .tf file was not found). */
  file?: string;
  line?: number;
  column?: number;
  /** The Terraform address (module.logs.aws_s3_bucket.this) or the CloudFormation logical id. */
  address: string;
}

export interface IacResource {
  /** Terraform address or CloudFormation logical id: unique in its configuration. */
  address: string;
  /** Terraform type (aws_cloudtrail) or CloudFormation type (AWS::CloudTrail::Trail). */
  type: string;
  action: ChangeAction;
  /** Attributes (Terraform) or Properties (CloudFormation) as after apply, with references, parts and unknowns unresolved (value.ts). */
  values: Record<string, unknown>;
  location: ResourceLocation;
}

export interface IacConfiguration {
  format: 'terraform' | 'cloudformation';
  /** The file read, as given. */
  file: string;
  resources: IacResource[];
  /** What the file says about where it deploys, when it says it. */
  accountId?: string;
  region?: string;
}

/** Where the configuration deploys: flags first, then what the files say, then the documented defaults. */
export interface Target {
  accountId: string;
  region: string;
  partition: string;
}
