package telegram

import (
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// The file endpoint sits beside the API endpoint, as on a self-hosted Bot
// API server; the default is the library's own.
func TestFileEndpoint(t *testing.T) {
	tests := []struct{ api, want string }{
		{tgbotapi.APIEndpoint, tgbotapi.FileEndpoint},
		{"http://127.0.0.1:8081/bot%s/%s", "http://127.0.0.1:8081/file/bot%s/%s"},
		{"https://proxy.example/telegram/bot%s/%s", "https://proxy.example/telegram/file/bot%s/%s"},
	}
	for _, tc := range tests {
		if got := fileEndpoint(tc.api); got != tc.want {
			t.Errorf("fileEndpoint(%q) = %q, want %q", tc.api, got, tc.want)
		}
	}
}
