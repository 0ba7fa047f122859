import { loadConfig } from './config.ts';
import { loadSecrets } from './platform/secrets.ts';
import { openDatabase, migrateToLatest } from './db/index.ts';
import { buildApp } from './app.ts';
import { seedDemoIfEmpty } from './modules/demo/seed.ts';

/** Starts Engawa: config, secrets, migrations, demo company on an empty database, then HTTP. */
async function main() {
  const config = loadConfig();
  const secrets = loadSecrets(config);
  const database = openDatabase(config);
  await migrateToLatest(database.db);
  const { app, deps } = await buildApp({ config, secrets, database });
  const seeded = config.demo.seed ? await seedDemoIfEmpty(deps) : false;
  await app.listen({ port: config.port, host: config.host });
  const url = config.publicUrl ?? `http://localhost:${config.port}`;
  const demo = await deps.demoInfo();
  const lines = [`Engawa is running at ${url} (database: ${database.dialect})`];
  if (seeded) lines.push('Created the demo company (株式会社えんがわ商事).');
  if (demo.enabled) {
    lines.push(`Demo accounts (password: ${demo.password}):`);
    for (const a of demo.accounts) lines.push(`  ${a.role.padEnd(9)} ${a.email}  ${a.name}`);
  }
  // Plain stdout so the person who ran `npm start` sees it whatever the log level.
  process.stdout.write(lines.join('\n') + '\n');

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
