package store_test

import (
	"testing"

	"github.com/clinicbot/aftercare/internal/store/storetest"
)

func TestSQLite(t *testing.T) {
	storetest.Run(t, storetest.Opener(storetest.SQLiteURL))
}
