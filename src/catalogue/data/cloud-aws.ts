/**
 * Amazon Web Services. Each service is matched on its SDK package in every language (the SDKs name their
 * per-service packages after one slug, which differs a little between languages), its Terraform resources
 * and its CloudFormation types. "AWS SDK" alone says only that the code talks to AWS.
 */
import type { Matchers, Technology } from '../types.js';

interface SdkSlugs {
  /** @aws-sdk/client-<slug> */
  js?: string[];
  /** github.com/aws/aws-sdk-go-v2/service/<slug> */
  go?: string[];
  /** software.amazon.awssdk:<slug> */
  java?: string[];
  /** AWSSDK.<Name> */
  dotnet?: string[];
  /** aws-sdk-<slug> gem */
  ruby?: string[];
  /** aws-sdk-<slug> crate */
  rust?: string[];
}

/** Services whose AWS SDK for Java 1.x artifact is com.amazonaws:aws-java-sdk-<same slug as 2.x>. */
const JAVA_V1 = new Set(['s3', 'dynamodb', 'sqs', 'sns', 'lambda', 'kinesis', 'secretsmanager', 'ssm', 'ses', 'kms', 'athena', 'glue', 'rds', 'ec2', 'ecs', 'ecr', 'eks', 'elasticache', 'redshift', 'emr', 'batch', 'cloudfront', 'route53', 'sagemaker', 'rekognition', 'textract', 'comprehend', 'translate', 'polly', 'transcribe', 'eventbridge']);

/** Expands per-language SDK slugs into matchers, merged with anything else the service needs. */
function sdk(slugs: SdkSlugs, extra: Matchers = {}): Matchers {
  const m: Matchers = { ...extra };
  const add = (kind: keyof Matchers, values: string[]) => {
    if (values.length) m[kind] = [...values, ...(m[kind] ?? [])];
  };
  add('npm', (slugs.js ?? []).map((s) => `@aws-sdk/client-${s}`));
  add('go', (slugs.go ?? []).map((s) => `github.com/aws/aws-sdk-go-v2/service/${s}`));
  add('maven', (slugs.java ?? []).flatMap((s) => [`software.amazon.awssdk:${s}`, ...(JAVA_V1.has(s) ? [`com.amazonaws:aws-java-sdk-${s}`] : [])]));
  add('nuget', (slugs.dotnet ?? []).map((s) => `AWSSDK.${s}`));
  add('gem', (slugs.ruby ?? []).map((s) => `aws-sdk-${s}`));
  add('cargo', (slugs.rust ?? []).map((s) => `aws-sdk-${s}`));
  return m;
}

export const cloudAws: Technology[] = [
  { id: 'aws', name: 'Amazon Web Services', category: 'cloud', match: { hex: ['ex_aws'], terraformProvider: ['aws'], githubAction: ['aws-actions/configure-aws-credentials'], file: ['samconfig.toml', 'cdk.json'] }, url: 'https://aws.amazon.com' },
  { id: 'aws-sdk', name: 'AWS SDK', category: 'cloud', match: { npm: ['aws-sdk', '@aws-sdk/*'], pypi: ['boto3', 'botocore', 'aioboto3', 'aiobotocore'], go: ['github.com/aws/aws-sdk-go', 'github.com/aws/aws-sdk-go-v2'], maven: ['software.amazon.awssdk:*', 'com.amazonaws:*'], nuget: ['AWSSDK.Core', 'AWSSDK.*'], cargo: ['aws-config', 'aws-sdk-*'], gem: ['aws-sdk', 'aws-sdk-core', 'aws-sdk-*'], composer: ['aws/aws-sdk-php', 'aws/aws-sdk-php-laravel'] } },
  { id: 'aws-cdk', name: 'AWS CDK', category: 'iac', match: { npm: ['aws-cdk-lib', 'aws-cdk', '@aws-cdk/core'], pypi: ['aws-cdk-lib', 'aws-cdk.core'], maven: ['software.amazon.awscdk:aws-cdk-lib', 'software.amazon.awscdk:core'], nuget: ['Amazon.CDK.Lib', 'Amazon.CDK'], go: ['github.com/aws/aws-cdk-go/awscdk'], file: ['cdk.json'] }, implies: ['aws'], url: 'https://aws.amazon.com/cdk' },
  { id: 'aws-cloudformation', name: 'AWS CloudFormation', category: 'iac', match: { githubAction: ['aws-actions/aws-cloudformation-github-deploy'], terraformResource: ['aws_cloudformation_stack'] }, implies: ['aws'] },
  { id: 'aws-sam', name: 'AWS SAM', category: 'iac', match: { file: ['samconfig.toml', 'samconfig.yaml'], cloudformation: ['AWS::Serverless::*'], githubAction: ['aws-actions/setup-sam'] }, implies: ['aws'] },
  { id: 'aws-amplify', name: 'AWS Amplify', category: 'cloud-service', match: { npm: ['aws-amplify', '@aws-amplify/ui-react', '@aws-amplify/backend', '@aws-amplify/cli'], file: ['amplify.yml', 'amplify/backend.ts', 'amplify/cli.json'], terraformResource: ['aws_amplify_*'], cloudformation: ['AWS::Amplify::*'] }, implies: ['aws'] },
  { id: 'aws-copilot', name: 'AWS Copilot', category: 'ci-cd', match: { file: ['copilot/.workspace'] }, implies: ['aws'] },
  { id: 'aws-lambda', name: 'AWS Lambda', category: 'cloud-service', url: 'https://aws.amazon.com/lambda',
    match: sdk({ js: ['lambda'], go: ['lambda'], java: ['lambda'], dotnet: ['Lambda'], ruby: ['lambda'], rust: ['lambda'] }, {
      npm: ['@types/aws-lambda', '@middy/core', 'serverless-http', '@codegenie/serverless-express', '@vendia/serverless-express', 'aws-serverless-express'],
      pypi: ['mangum', 'aws-lambda-powertools', 'awslambdaric', 'chalice', 'zappa'],
      go: ['github.com/aws/aws-lambda-go', 'github.com/awslabs/aws-lambda-go-api-proxy'],
      maven: ['com.amazonaws:aws-lambda-java-core', 'com.amazonaws:aws-lambda-java-events', 'io.quarkus:quarkus-amazon-lambda', 'org.springframework.cloud:spring-cloud-function-adapter-aws'],
      nuget: ['Amazon.Lambda.Core', 'Amazon.Lambda.AspNetCoreServer', 'Amazon.Lambda.AspNetCoreServer.Hosting', 'Amazon.Lambda.APIGatewayEvents', 'Amazon.Lambda.RuntimeSupport', 'Amazon.Lambda.Serialization.SystemTextJson'],
      cargo: ['lambda_runtime', 'lambda_http'],
      gem: ['aws_lambda_ric'],
      image: ['lambda/nodejs', 'lambda/python', 'lambda/java', 'lambda/provided', 'lambda/dotnet', 'lambda/ruby', 'amazon/aws-lambda-nodejs', 'amazon/aws-lambda-python', 'amazon/aws-lambda-java', 'amazon/aws-lambda-provided'],
      terraformResource: ['aws_lambda_function', 'aws_lambda_function_url', 'aws_lambda_layer_version', 'aws_lambda_event_source_mapping', 'aws_lambda_permission', 'aws_lambda_alias'],
      cloudformation: ['AWS::Lambda::Function', 'AWS::Serverless::Function', 'AWS::Lambda::LayerVersion', 'AWS::Lambda::EventSourceMapping', 'AWS::Lambda::Url'],
    }) },
  { id: 'amazon-s3', name: 'Amazon S3', category: 'object-storage', url: 'https://aws.amazon.com/s3',
    match: sdk({ js: ['s3'], go: ['s3'], java: ['s3', 's3-transfer-manager'], dotnet: ['S3'], ruby: ['s3'], rust: ['s3'] }, {
      npm: ['@aws-sdk/lib-storage', '@aws-sdk/s3-request-presigner', '@aws-sdk/s3-presigned-post', 'multer-s3'],
      pypi: ['s3fs'],
      composer: ['league/flysystem-aws-s3-v3'],
      hex: ['ex_aws_s3'],
      terraformResource: ['aws_s3_bucket', 'aws_s3_bucket_*', 'aws_s3_object', 'aws_s3_bucket_object'],
      cloudformation: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'],
      urlScheme: ['s3', 's3a'],
    }) },
  { id: 'amazon-rds', name: 'Amazon RDS', category: 'cloud-service', match: sdk({ js: ['rds', 'rds-data'], go: ['rds', 'rdsdata'], java: ['rds', 'rdsdata'], dotnet: ['RDS', 'RDSDataService'], ruby: ['rds'], rust: ['rds'] }, { terraformResource: ['aws_db_*', 'aws_rds_*'], cloudformation: ['AWS::RDS::*'], maven: ['software.amazon.jdbc:aws-advanced-jdbc-wrapper'] }) },
  { id: 'amazon-aurora', name: 'Amazon Aurora', category: 'cloud-service', match: { terraformResource: ['aws_rds_cluster', 'aws_rds_cluster_instance', 'aws_rds_global_cluster'], cloudformation: ['AWS::RDS::DBCluster', 'AWS::RDS::GlobalCluster'] }, implies: ['amazon-rds'] },
  { id: 'amazon-dynamodb', name: 'Amazon DynamoDB', category: 'database-key-value', url: 'https://aws.amazon.com/dynamodb',
    match: sdk({ js: ['dynamodb', 'dynamodb-streams'], go: ['dynamodb', 'dynamodbstreams'], java: ['dynamodb', 'dynamodb-enhanced'], dotnet: ['DynamoDBv2'], ruby: ['dynamodb'], rust: ['dynamodb'] }, {
      npm: ['@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb', 'dynamoose', 'electrodb', 'dynamodb-toolbox'],
      pypi: ['pynamodb'],
      go: ['github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue', 'github.com/guregu/dynamo'],
      gem: ['aws-record', 'dynamoid'],
      terraformResource: ['aws_dynamodb_*'],
      cloudformation: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
      image: ['amazon/dynamodb-local'],
    }) },
  { id: 'amazon-sqs', name: 'Amazon SQS', category: 'messaging', match: sdk({ js: ['sqs'], go: ['sqs'], java: ['sqs'], dotnet: ['SQS'], ruby: ['sqs'], rust: ['sqs'] }, { npm: ['sqs-consumer', 'sqs-producer'], maven: ['io.awspring.cloud:spring-cloud-aws-starter-sqs'], gem: ['shoryuken'], terraformResource: ['aws_sqs_queue', 'aws_sqs_queue_policy', 'aws_sqs_queue_redrive_policy'], cloudformation: ['AWS::SQS::Queue', 'AWS::SQS::QueuePolicy'], urlScheme: ['sqs'] }) },
  { id: 'amazon-sns', name: 'Amazon SNS', category: 'messaging', match: sdk({ js: ['sns'], go: ['sns'], java: ['sns'], dotnet: ['SimpleNotificationService'], ruby: ['sns'], rust: ['sns'] }, { terraformResource: ['aws_sns_topic', 'aws_sns_topic_subscription', 'aws_sns_topic_policy'], cloudformation: ['AWS::SNS::Topic', 'AWS::SNS::Subscription', 'AWS::SNS::TopicPolicy'] }) },
  { id: 'amazon-eventbridge', name: 'Amazon EventBridge', category: 'messaging', match: sdk({ js: ['eventbridge'], go: ['eventbridge'], java: ['eventbridge'], dotnet: ['EventBridge'], ruby: ['eventbridge'], rust: ['eventbridge'] }, { terraformResource: ['aws_cloudwatch_event_bus', 'aws_cloudwatch_event_rule', 'aws_cloudwatch_event_target', 'aws_cloudwatch_event_archive', 'aws_pipes_pipe'], cloudformation: ['AWS::Events::EventBus', 'AWS::Events::EventBusPolicy', 'AWS::Events::Rule', 'AWS::Events::Archive', 'AWS::Events::Connection', 'AWS::Events::ApiDestination', 'AWS::Events::Endpoint', 'AWS::Pipes::Pipe'] }) },
  // timers that start functions (a nightly job, keeping a Lambda warm) schedule work; they carry no messages
  // (a CloudFormation Events::Rule with a ScheduleExpression and no EventPattern: detect/technologies.ts names it AWS::Events::ScheduledRule)
  { id: 'amazon-eventbridge-scheduled-rules', name: 'Amazon EventBridge scheduled rules', category: 'scheduler', match: { cloudformation: ['AWS::Events::ScheduledRule'] } },
  { id: 'amazon-eventbridge-scheduler', name: 'Amazon EventBridge Scheduler', category: 'scheduler', match: sdk({ js: ['scheduler'], go: ['scheduler'], java: ['scheduler'], dotnet: ['Scheduler'] }, { terraformResource: ['aws_scheduler_*'], cloudformation: ['AWS::Scheduler::*'] }) },
  { id: 'amazon-kinesis', name: 'Amazon Kinesis', category: 'messaging', match: sdk({ js: ['kinesis', 'firehose'], go: ['kinesis', 'firehose'], java: ['kinesis', 'firehose'], dotnet: ['Kinesis', 'KinesisFirehose'], ruby: ['kinesis', 'firehose'], rust: ['kinesis', 'firehose'] }, { maven: ['software.amazon.kinesis:amazon-kinesis-client'], terraformResource: ['aws_kinesis_*'], cloudformation: ['AWS::Kinesis::*', 'AWS::KinesisFirehose::*'] }) },
  { id: 'amazon-msk', name: 'Amazon MSK', category: 'messaging', match: sdk({ js: ['kafka'], go: ['kafka'], java: ['kafka'] }, { maven: ['software.amazon.msk:aws-msk-iam-auth'], terraformResource: ['aws_msk_*'], cloudformation: ['AWS::MSK::*'] }), implies: ['kafka'] },
  { id: 'amazon-mq', name: 'Amazon MQ', category: 'messaging', match: sdk({ js: ['mq'], go: ['mq'], java: ['mq'] }, { terraformResource: ['aws_mq_broker', 'aws_mq_configuration'], cloudformation: ['AWS::AmazonMQ::*'] }) },
  { id: 'amazon-elasticache', name: 'Amazon ElastiCache', category: 'cache', match: sdk({ js: ['elasticache'], go: ['elasticache'], java: ['elasticache'], dotnet: ['ElastiCache'] }, { terraformResource: ['aws_elasticache_*'], cloudformation: ['AWS::ElastiCache::*'] }) },
  { id: 'amazon-memorydb', name: 'Amazon MemoryDB', category: 'database-key-value', match: { terraformResource: ['aws_memorydb_*'], cloudformation: ['AWS::MemoryDB::*'] }, implies: ['redis'] },
  { id: 'amazon-documentdb', name: 'Amazon DocumentDB', category: 'database-document', match: { terraformResource: ['aws_docdb_*'], cloudformation: ['AWS::DocDB::*'] } },
  { id: 'amazon-neptune', name: 'Amazon Neptune', category: 'database-graph', match: { terraformResource: ['aws_neptune_*'], cloudformation: ['AWS::Neptune::*'] } },
  { id: 'amazon-keyspaces', name: 'Amazon Keyspaces', category: 'database-wide-column', match: { terraformResource: ['aws_keyspaces_*'], cloudformation: ['AWS::Cassandra::*'] } },
  { id: 'amazon-timestream', name: 'Amazon Timestream', category: 'database-time-series', match: sdk({ js: ['timestream-write', 'timestream-query'], go: ['timestreamwrite', 'timestreamquery'] }, { terraformResource: ['aws_timestreamwrite_*'], cloudformation: ['AWS::Timestream::*'] }) },
  { id: 'amazon-redshift', name: 'Amazon Redshift', category: 'database-relational', match: sdk({ js: ['redshift', 'redshift-data'], go: ['redshift', 'redshiftdata'], java: ['redshift', 'redshiftdata'] }, { pypi: ['redshift-connector', 'sqlalchemy-redshift'], maven: ['com.amazon.redshift:redshift-jdbc42'], terraformResource: ['aws_redshift_*', 'aws_redshiftserverless_*'], cloudformation: ['AWS::Redshift::*', 'AWS::RedshiftServerless::*'] }) },
  { id: 'amazon-athena', name: 'Amazon Athena', category: 'data-processing', match: sdk({ js: ['athena'], go: ['athena'], java: ['athena'], dotnet: ['Athena'], ruby: ['athena'], rust: ['athena'] }, { pypi: ['pyathena'], terraformResource: ['aws_athena_*'], cloudformation: ['AWS::Athena::*'] }) },
  { id: 'aws-glue', name: 'AWS Glue', category: 'data-processing', match: sdk({ js: ['glue'], go: ['glue'], java: ['glue'], dotnet: ['Glue'] }, { pypi: ['aws-glue-sessions'], terraformResource: ['aws_glue_*'], cloudformation: ['AWS::Glue::*'] }) },
  { id: 'amazon-emr', name: 'Amazon EMR', category: 'data-processing', match: sdk({ js: ['emr'], go: ['emr'], java: ['emr'] }, { terraformResource: ['aws_emr_*', 'aws_emrserverless_*'], cloudformation: ['AWS::EMR::*', 'AWS::EMRServerless::*'] }) },
  { id: 'aws-step-functions', name: 'AWS Step Functions', category: 'scheduler', match: sdk({ js: ['sfn'], go: ['sfn'], java: ['sfn'], dotnet: ['StepFunctions'], ruby: ['states'], rust: ['sfn'] }, { terraformResource: ['aws_sfn_*'], cloudformation: ['AWS::StepFunctions::*', 'AWS::Serverless::StateMachine'] }) },
  { id: 'aws-batch', name: 'AWS Batch', category: 'data-processing', match: sdk({ js: ['batch'], go: ['batch'], java: ['batch'] }, { terraformResource: ['aws_batch_*'], cloudformation: ['AWS::Batch::*'] }) },
  { id: 'amazon-api-gateway', name: 'Amazon API Gateway', category: 'cloud-service', match: sdk({ js: ['api-gateway', 'apigatewayv2', 'apigatewaymanagementapi'], go: ['apigateway', 'apigatewayv2', 'apigatewaymanagementapi'], java: ['apigateway', 'apigatewayv2', 'apigatewaymanagementapi'] }, { terraformResource: ['aws_api_gateway_*', 'aws_apigatewayv2_*'], cloudformation: ['AWS::ApiGateway::*', 'AWS::ApiGatewayV2::*', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi'] }) },
  { id: 'aws-appsync', name: 'AWS AppSync', category: 'api-style', match: sdk({ js: ['appsync'], go: ['appsync'] }, { terraformResource: ['aws_appsync_*'], cloudformation: ['AWS::AppSync::*', 'AWS::Serverless::GraphQLApi'] }), implies: ['graphql'] },
  { id: 'amazon-cloudfront', name: 'Amazon CloudFront', category: 'hosting', match: sdk({ js: ['cloudfront'], go: ['cloudfront'], java: ['cloudfront'], dotnet: ['CloudFront'] }, { terraformResource: ['aws_cloudfront_*'], cloudformation: ['AWS::CloudFront::*'] }) },
  { id: 'amazon-route53', name: 'Amazon Route 53', category: 'cloud-service', match: sdk({ js: ['route-53'], go: ['route53'], java: ['route53'] }, { terraformResource: ['aws_route53_*'], cloudformation: ['AWS::Route53::*'] }) },
  { id: 'amazon-ec2', name: 'Amazon EC2', category: 'cloud-service', match: sdk({ js: ['ec2'], go: ['ec2'], java: ['ec2'], dotnet: ['EC2'] }, { terraformResource: ['aws_instance', 'aws_launch_template', 'aws_autoscaling_group', 'aws_spot_instance_request'], cloudformation: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::AutoScalingGroup'] }) },
  { id: 'amazon-vpc', name: 'Amazon VPC', category: 'cloud-service', match: { terraformResource: ['aws_vpc', 'aws_subnet', 'aws_nat_gateway', 'aws_internet_gateway', 'aws_vpc_*'], cloudformation: ['AWS::EC2::VPC', 'AWS::EC2::Subnet', 'AWS::EC2::NatGateway'] } },
  { id: 'elastic-load-balancing', name: 'Elastic Load Balancing', category: 'cloud-service', match: { terraformResource: ['aws_lb', 'aws_alb', 'aws_elb', 'aws_lb_*', 'aws_alb_*'], cloudformation: ['AWS::ElasticLoadBalancingV2::*', 'AWS::ElasticLoadBalancing::*'] } },
  { id: 'aws-ecs', name: 'Amazon ECS', category: 'orchestration', match: sdk({ js: ['ecs'], go: ['ecs'], java: ['ecs'], dotnet: ['ECS'] }, { terraformResource: ['aws_ecs_*'], cloudformation: ['AWS::ECS::*'], githubAction: ['aws-actions/amazon-ecs-deploy-task-definition', 'aws-actions/amazon-ecs-render-task-definition'] }) },
  { id: 'aws-eks', name: 'Amazon EKS', category: 'orchestration', match: sdk({ js: ['eks'], go: ['eks'], java: ['eks'] }, { terraformResource: ['aws_eks_*'], cloudformation: ['AWS::EKS::*'] }), implies: ['kubernetes'] },
  { id: 'amazon-ecr', name: 'Amazon ECR', category: 'container', match: sdk({ js: ['ecr'], go: ['ecr'], java: ['ecr'] }, { terraformResource: ['aws_ecr_*'], cloudformation: ['AWS::ECR::*'], githubAction: ['aws-actions/amazon-ecr-login'] }) },
  { id: 'aws-app-runner', name: 'AWS App Runner', category: 'hosting', match: { terraformResource: ['aws_apprunner_*'], cloudformation: ['AWS::AppRunner::*'], file: ['apprunner.yaml'] } },
  { id: 'aws-elastic-beanstalk', name: 'AWS Elastic Beanstalk', category: 'hosting', match: { terraformResource: ['aws_elastic_beanstalk_*'], cloudformation: ['AWS::ElasticBeanstalk::*'], file: ['.ebextensions/*.config', '.elasticbeanstalk/config.yml', 'Dockerrun.aws.json'] } },
  { id: 'amazon-lightsail', name: 'Amazon Lightsail', category: 'hosting', match: { terraformResource: ['aws_lightsail_*'] } },
  { id: 'aws-secrets-manager', name: 'AWS Secrets Manager', category: 'security', match: sdk({ js: ['secrets-manager'], go: ['secretsmanager'], java: ['secretsmanager'], dotnet: ['SecretsManager'], ruby: ['secretsmanager'], rust: ['secretsmanager'] }, { terraformResource: ['aws_secretsmanager_*'], cloudformation: ['AWS::SecretsManager::*'], maven: ['io.awspring.cloud:spring-cloud-aws-starter-secrets-manager'] }) },
  { id: 'aws-ssm', name: 'AWS Systems Manager Parameter Store', category: 'cloud-service', match: sdk({ js: ['ssm'], go: ['ssm'], java: ['ssm'], dotnet: ['SimpleSystemsManagement'], ruby: ['ssm'], rust: ['ssm'] }, { terraformResource: ['aws_ssm_parameter'], cloudformation: ['AWS::SSM::Parameter'] }) },
  { id: 'aws-kms', name: 'AWS KMS', category: 'security', match: sdk({ js: ['kms'], go: ['kms'], java: ['kms'], dotnet: ['KeyManagementService'], ruby: ['kms'], rust: ['kms'] }, { terraformResource: ['aws_kms_key', 'aws_kms_alias'], cloudformation: ['AWS::KMS::Key', 'AWS::KMS::Alias'] }) },
  { id: 'aws-iam', name: 'AWS IAM', category: 'security', match: { terraformResource: ['aws_iam_*'], cloudformation: ['AWS::IAM::*'] } },
  { id: 'aws-waf', name: 'AWS WAF', category: 'security', match: { terraformResource: ['aws_wafv2_*', 'aws_waf_*'], cloudformation: ['AWS::WAFv2::*'] } },
  { id: 'amazon-ses', name: 'Amazon SES', category: 'email', match: sdk({ js: ['ses', 'sesv2'], go: ['ses', 'sesv2'], java: ['ses', 'sesv2'], dotnet: ['SimpleEmail', 'SimpleEmailV2'], ruby: ['ses', 'sesv2'], rust: ['ses', 'sesv2'] }, { terraformResource: ['aws_ses_*', 'aws_sesv2_*'], cloudformation: ['AWS::SES::*'] }) },
  { id: 'amazon-pinpoint', name: 'Amazon Pinpoint', category: 'saas', match: sdk({ js: ['pinpoint'], go: ['pinpoint'] }, { terraformResource: ['aws_pinpoint_*'] }) },
  { id: 'amazon-bedrock', name: 'Amazon Bedrock', category: 'ai', match: sdk({ js: ['bedrock-runtime', 'bedrock', 'bedrock-agent-runtime', 'bedrock-agent'], go: ['bedrockruntime', 'bedrock', 'bedrockagentruntime'], java: ['bedrockruntime', 'bedrock', 'bedrockagentruntime'], dotnet: ['BedrockRuntime', 'Bedrock'], ruby: ['bedrockruntime'], rust: ['bedrockruntime'] }, { npm: ['@ai-sdk/amazon-bedrock', '@langchain/aws'], pypi: ['langchain-aws'], terraformResource: ['aws_bedrock_*', 'aws_bedrockagent_*'] }) },
  { id: 'amazon-sagemaker', name: 'Amazon SageMaker', category: 'ai', match: sdk({ js: ['sagemaker', 'sagemaker-runtime'], go: ['sagemaker', 'sagemakerruntime'], java: ['sagemaker', 'sagemakerruntime'] }, { pypi: ['sagemaker'], terraformResource: ['aws_sagemaker_*'], cloudformation: ['AWS::SageMaker::*'] }) },
  { id: 'amazon-rekognition', name: 'Amazon Rekognition', category: 'ai', match: sdk({ js: ['rekognition'], go: ['rekognition'], java: ['rekognition'], dotnet: ['Rekognition'] }) },
  { id: 'amazon-textract', name: 'Amazon Textract', category: 'ai', match: sdk({ js: ['textract'], go: ['textract'], java: ['textract'], dotnet: ['Textract'] }, { pypi: ['amazon-textract-caller', 'amazon-textract-textractor'] }) },
  { id: 'amazon-comprehend', name: 'Amazon Comprehend', category: 'ai', match: sdk({ js: ['comprehend'], go: ['comprehend'], java: ['comprehend'], dotnet: ['Comprehend'] }) },
  { id: 'amazon-transcribe', name: 'Amazon Transcribe', category: 'ai', match: sdk({ js: ['transcribe', 'transcribe-streaming'], go: ['transcribe'], java: ['transcribe', 'transcribestreaming'] }) },
  { id: 'amazon-polly', name: 'Amazon Polly', category: 'ai', match: sdk({ js: ['polly'], go: ['polly'], java: ['polly'], dotnet: ['Polly'] }) },
  { id: 'amazon-translate', name: 'Amazon Translate', category: 'ai', match: sdk({ js: ['translate'], go: ['translate'], java: ['translate'], dotnet: ['Translate'] }) },
  { id: 'amazon-efs', name: 'Amazon EFS', category: 'object-storage', match: { terraformResource: ['aws_efs_*'], cloudformation: ['AWS::EFS::*'] } },
  { id: 'amazon-opensearch-service', name: 'Amazon OpenSearch Service', category: 'search', match: sdk({ js: ['opensearch', 'opensearchserverless'], go: ['opensearch'] }, { terraformResource: ['aws_opensearch_*', 'aws_elasticsearch_domain', 'aws_opensearchserverless_*'], cloudformation: ['AWS::OpenSearchService::*', 'AWS::Elasticsearch::Domain', 'AWS::OpenSearchServerless::*'] }) },
  { id: 'aws-iot-core', name: 'AWS IoT Core', category: 'messaging', match: sdk({ js: ['iot', 'iot-data-plane'], go: ['iot', 'iotdataplane'] }, { npm: ['aws-iot-device-sdk', 'aws-iot-device-sdk-v2'], pypi: ['awsiotsdk', 'AWSIoTPythonSDK'], terraformResource: ['aws_iot_*'], cloudformation: ['AWS::IoT::*'] }) },
  { id: 'aws-codebuild', name: 'AWS CodeBuild', category: 'ci-cd', match: { file: ['buildspec.yml', 'buildspec.yaml'], terraformResource: ['aws_codebuild_*'], cloudformation: ['AWS::CodeBuild::*'] } },
  { id: 'aws-codepipeline', name: 'AWS CodePipeline', category: 'ci-cd', match: { terraformResource: ['aws_codepipeline', 'aws_codepipeline_*'], cloudformation: ['AWS::CodePipeline::*'] } },
  { id: 'aws-codedeploy', name: 'AWS CodeDeploy', category: 'ci-cd', match: { file: ['appspec.yml', 'appspec.yaml'], terraformResource: ['aws_codedeploy_*'], cloudformation: ['AWS::CodeDeploy::*'] } },
  { id: 'aws-chalice', name: 'AWS Chalice', category: 'backend-framework', match: { pypi: ['chalice'], file: ['.chalice/config.json'] }, implies: ['aws-lambda'] },
  { id: 'zappa', name: 'Zappa', category: 'ci-cd', match: { pypi: ['zappa'], file: ['zappa_settings.json', 'zappa_settings.yml'] }, implies: ['aws-lambda'] },
  { id: 'spring-cloud-aws', name: 'Spring Cloud AWS', category: 'cloud', match: { maven: ['io.awspring.cloud:*'] }, implies: ['aws-sdk'] },
];
