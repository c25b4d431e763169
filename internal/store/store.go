// Package store keeps what the bot must remember between messages and
// restarts: which platform deliveries it has handled (so a redelivery is not
// answered twice) and whom it has talked to, and when. It holds no message
// text. One implementation over database/sql serves SQLite (the default: a
// file) and PostgreSQL (several replicas sharing one database), mostly with
// the same SQL text; times are stored as unix microseconds, UTC.
package store
