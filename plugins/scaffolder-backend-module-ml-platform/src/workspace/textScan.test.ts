import { scanText } from './textScan';

const secrets = (line: string) =>
  scanText('file', line).filter(f => f.check === 'secret');

describe('secret scan', () => {
  it.each([
    'password: hunter2hunter2',
    'db_password = "correct-horse-battery"',
    '  MLFLOW_TRACKING_PASSWORD: s3cr3t-value',
    'auth_token = "abcdef123456"',
    'api_key: "sk-live-12345678"',
    '{ "clientSecret": "x8d7f6g5h4" }',
    "  password = 'hunter2hunter2' # local test",
    'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
  ])('flags a literal credential in %j', line => {
    expect(secrets(line)).toEqual([
      {
        file: 'file',
        line: 1,
        check: 'secret',
        message: 'looks like a literal credential',
      },
    ]);
  });

  it.each([
    'password: ${{ secrets.DB_PASSWORD }}',
    '  MLFLOW_TRACKING_PASSWORD: ${{ secrets.MLFLOW_TRACKING_PASSWORD }}',
    'db_password = var.db_password',
    'auth_token = random_password.cache.result',
    'auth_token = "${random_password.cache.result}"',
    'valueFrom: { secretKeyRef: { name: mlflow-database, key: password } }',
    '    passwordKey: password',
    '      keyOfSecretAccessKey: root-password',
    '    existingSecret: grafana-admin',
    '  id-token: write',
    '  manage_master_user_password = true',
    '    --from-literal=username=mlflow --from-literal=password="$(openssl rand -hex 16)"',
    'password: ""',
    'token: <your token here>',
    'secret_string = jsonencode({ user = "mlflow" })',
    '# The admin password comes from this existing secret, never from Git.',
    '{ name = "DB_PASSWORD", valueFrom = "${module.db.db_instance_master_user_secret_arn}:password::" },',
  ])('leaves the reference or name in %j alone', line => {
    expect(secrets(line)).toEqual([]);
  });
});
