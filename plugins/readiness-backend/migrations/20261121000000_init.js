/*
 * Prodready: initial schema of the readiness backend.
 *
 * Timestamps are stored as ISO-8601 UTC strings in one fixed format
 * (`YYYY-MM-DDTHH:mm:ss.sssZ`, what `Date.prototype.toISOString` returns), so they sort and
 * compare the same way on SQLite and PostgreSQL as plain strings. The store normalises every
 * timestamp it writes to that format. `readiness_accepted_risks.expires_at` is the exception:
 * it keeps the value the person entered (a `YYYY-MM-DD` date or a timestamp), whose meaning
 * (`acceptedRiskExpiry` in the common package) is not a plain string comparison.
 *
 * JSON documents are stored as text and parsed by the store.
 */

// @ts-check

/** Width of the timestamp columns: `toISOString()` is 24 characters (27 for years past 9999). */
const TIMESTAMP_LENGTH = 32;

/** One nullable score column per readiness domain (domain id with `-` replaced by `_`). */
const DOMAIN_SCORE_COLUMNS = [
  'score_supply_chain',
  'score_packaging_traffic',
  'score_observability',
  'score_delivery',
  'score_security',
  'score_resources_scaling',
  'score_scheduling_state',
  'score_resilience',
];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_runs', table => {
    table.comment('One evaluation cycle over every cluster and entity');
    table.string('id', 64).primary().notNullable().comment('Run id (a UUID)');
    table.string('started_at', TIMESTAMP_LENGTH).notNullable();
    table.string('finished_at', TIMESTAMP_LENGTH).nullable();
    table
      .string('status', 32)
      .notNullable()
      .comment('running, succeeded or failed');
    table.integer('entity_count').notNullable().defaultTo(0);
    table
      .text('clusters')
      .notNullable()
      .comment('JSON: cluster name -> outcome of reading that cluster');
    table.text('error').nullable();
    table.index(['started_at'], 'readiness_runs_started_at_idx');
  });

  await knex.schema.createTable('readiness_reports', table => {
    table.comment(
      'The latest readiness report of each entity, with the columns the scorecard filters and sorts on',
    );
    table.string('entity_ref', 255).primary().notNullable();
    table.string('kind', 255).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable();
    table.text('title').nullable();
    table.string('owner', 255).nullable().comment('Owner entity ref');
    table.string('system', 255).nullable();
    table.string('lifecycle', 255).nullable();
    table.string('type', 255).nullable();
    table
      .string('state', 32)
      .notNullable()
      .comment('evaluated, not-mapped, no-workloads or configuration-error');
    table.string('verdict', 16).notNullable().comment('go or no-go');
    table.integer('score').nullable().comment('Overall score; null = no data');
    table
      .string('level', 16)
      .notNullable()
      .comment('gold, silver, bronze or none');
    table.double('coverage').notNullable();
    for (const column of DOMAIN_SCORE_COLUMNS) {
      table.integer(column).nullable();
    }
    table.integer('failing_critical').notNullable().defaultTo(0);
    table.integer('failing_high').notNullable().defaultTo(0);
    table.integer('failing_medium').notNullable().defaultTo(0);
    table.integer('failing_low').notNullable().defaultTo(0);
    table.string('evaluated_at', TIMESTAMP_LENGTH).notNullable();
    table
      .boolean('stale')
      .notNullable()
      .defaultTo(false)
      .comment(
        'True when a cluster could not be read and older results were used',
      );
    table.string('run_id', 64).notNullable();
    table
      .text('report')
      .notNullable()
      .comment('JSON: the full EntityReadinessReport');
    table.index(['owner'], 'readiness_reports_owner_idx');
    table.index(['kind'], 'readiness_reports_kind_idx');
    table.index(['lifecycle'], 'readiness_reports_lifecycle_idx');
    table.index(['system'], 'readiness_reports_system_idx');
    table.index(['verdict'], 'readiness_reports_verdict_idx');
    table.index(['level'], 'readiness_reports_level_idx');
    table.index(['score'], 'readiness_reports_score_idx');
  });

  await knex.schema.createTable('readiness_history', table => {
    table.comment('One point per entity per run: the score over time');
    table.increments('id');
    table.string('entity_ref', 255).notNullable();
    table.string('run_id', 64).notNullable();
    table.string('evaluated_at', TIMESTAMP_LENGTH).notNullable();
    table.string('verdict', 16).notNullable();
    table.integer('score').nullable();
    table.string('level', 16).notNullable();
    table.double('coverage').notNullable();
    table.index(
      ['entity_ref', 'evaluated_at'],
      'readiness_history_entity_ref_evaluated_at_idx',
    );
    table.index(['evaluated_at'], 'readiness_history_evaluated_at_idx');
    table.unique(['entity_ref', 'run_id'], {
      indexName: 'readiness_history_entity_ref_run_id_uq',
    });
  });

  await knex.schema.createTable('readiness_cluster_results', table => {
    table.comment(
      'The last good evaluation of each cluster, kept so a cluster that is down keeps its results (marked stale)',
    );
    table.string('cluster', 255).primary().notNullable();
    table.string('fetched_at', TIMESTAMP_LENGTH).notNullable();
    table
      .text('payload')
      .notNullable()
      .comment('JSON: { workloads: WorkloadResult[], labels }');
  });

  await knex.schema.createTable('readiness_accepted_risks', table => {
    table.comment('Accepted risks (waivers) created through the API');
    table.string('id', 64).primary().notNullable();
    table.string('check_id', 255).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.text('reason').notNullable();
    table
      .string('expires_at', TIMESTAMP_LENGTH)
      .notNullable()
      .comment(
        'As entered: YYYY-MM-DD (through the end of that day, UTC) or an ISO timestamp',
      );
    table.string('author', 255).notNullable().comment('User entity ref');
    table.string('created_at', TIMESTAMP_LENGTH).notNullable();
    table.string('revoked_at', TIMESTAMP_LENGTH).nullable();
    table.string('revoked_by', 255).nullable();
    table.index(['entity_ref'], 'readiness_accepted_risks_entity_ref_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_accepted_risks');
  await knex.schema.dropTable('readiness_cluster_results');
  await knex.schema.dropTable('readiness_history');
  await knex.schema.dropTable('readiness_reports');
  await knex.schema.dropTable('readiness_runs');
};
