// Package storetest checks that a store.DB behaves as the package
// promises, on any database, and finds test databases: a SQLite file, or a
// fresh schema on the PostgreSQL server $TEST_DATABASE_URL names. Only
// tests import it.
package storetest
