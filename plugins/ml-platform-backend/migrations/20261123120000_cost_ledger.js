// @ts-check

/**
 * The cost ledger: what Cost Explorer said, read on a schedule so that page
 * views never call it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ml_platform_cost_daily', table => {
    table.comment(
      'Daily spend per environment, by AWS service or EC2 instance type',
    );
    table.string('environment', 63).notNullable();
    table.string('kind', 16).notNullable().comment('service | instance_type');
    table.string('key', 255).notNullable();
    table.string('date', 10).notNullable().comment('yyyy-MM-dd, UTC');
    table.double('amount').notNullable();
    table.string('currency', 8).notNullable();
    table.boolean('estimated').notNullable();
    table.string('updated_at', 32).notNullable();
    table.primary(['environment', 'kind', 'date', 'key']);
    table.index(['kind', 'date'], 'ml_platform_cost_daily_kind_date_idx');
  });
  await knex.schema.createTable('ml_platform_cost_forecast', table => {
    table.string('environment', 63).primary();
    table.string('period_start', 10).notNullable();
    table.string('period_end', 10).notNullable();
    table.double('mean').notNullable();
    table.double('lower').notNullable();
    table.double('upper').notNullable();
    table.string('currency', 8).notNullable();
    table.string('updated_at', 32).notNullable();
  });
  await knex.schema.createTable('ml_platform_cost_refresh', table => {
    table.string('environment', 63).primary();
    table.string('last_attempt_at', 32).notNullable();
    table.string('last_success_at', 32).nullable();
    table.text('last_error').nullable();
    table.integer('last_requests').notNullable().defaultTo(0);
    table.bigInteger('total_requests').notNullable().defaultTo(0);
  });
  await knex.schema.createTable('ml_platform_gpu_samples', table => {
    table.comment(
      'GPU allocation sampled every few minutes, for idle GPU-hours',
    );
    table.increments('id');
    table.string('environment', 63).notNullable();
    table.string('sampled_at', 32).notNullable();
    table.string('date', 10).notNullable();
    table.string('instance_type', 64).notNullable();
    table.integer('allocatable').notNullable();
    table.integer('requested').notNullable();
    table.integer('interval_seconds').notNullable();
    table.index(
      ['environment', 'date'],
      'ml_platform_gpu_samples_env_date_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ml_platform_gpu_samples');
  await knex.schema.dropTable('ml_platform_cost_refresh');
  await knex.schema.dropTable('ml_platform_cost_forecast');
  await knex.schema.dropTable('ml_platform_cost_daily');
};
