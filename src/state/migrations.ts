// The state database's schema, as numbered migrations applied in order and recorded in
// SQLite's user_version. Append new steps; never edit one that has shipped.

export const MIGRATIONS: readonly string[] = [
  // 1: digests — who subscribed, when each paper arrived, which digests were delivered.
  `CREATE TABLE subscriptions (
     platform TEXT NOT NULL,
     channel TEXT NOT NULL,
     topic TEXT,
     time TEXT NOT NULL DEFAULT '09:00',
     zone TEXT NOT NULL DEFAULT 'UTC',
     quiet INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL,
     PRIMARY KEY (platform, channel)
   );
   CREATE TABLE paper_arrivals (
     paper_id TEXT PRIMARY KEY,
     arrived_at TEXT NOT NULL
   );
   CREATE INDEX paper_arrivals_at ON paper_arrivals (arrived_at);
   CREATE TABLE deliveries (
     platform TEXT NOT NULL,
     channel TEXT NOT NULL,
     digest_date TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'empty')),
     claimed_by TEXT NOT NULL,
     claimed_at TEXT NOT NULL,
     covers_from TEXT NOT NULL,
     covers_until TEXT NOT NULL,
     paper_ids TEXT NOT NULL,
     posted_at TEXT,
     PRIMARY KEY (platform, channel, digest_date)
   );`,
  // 2: papers fetched from the arXiv API, one row per paper (latest version wins).
  `CREATE TABLE arxiv_papers (
     arxiv_id TEXT PRIMARY KEY,
     version INTEGER NOT NULL,
     paper TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );`,
  // 3: when each feed (arXiv) last ran, so it fetches once a day.
  `CREATE TABLE feed_runs (
     feed TEXT PRIMARY KEY,
     last_run_at TEXT NOT NULL
   );`,
  // 4: each channel's reading list (/list): which papers, who added each and when.
  `CREATE TABLE reading_list (
     platform TEXT NOT NULL,
     channel TEXT NOT NULL,
     paper_id TEXT NOT NULL,
     added_by TEXT NOT NULL,
     added_at TEXT NOT NULL,
     PRIMARY KEY (platform, channel, paper_id)
   );`,
  // 5: channels in watch mode (/watch on): named papers get a compact card in the thread.
  `CREATE TABLE watched_channels (
     platform TEXT NOT NULL,
     channel TEXT NOT NULL,
     enabled_by TEXT NOT NULL,
     enabled_at TEXT NOT NULL,
     PRIMARY KEY (platform, channel)
   );`,
];
