package telegram

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/clinicbot/aftercare"
)

// MaxFileSize is the largest file the Bot API lets a bot download (20 MB).
const MaxFileSize = 20 << 20

// ErrFileGone is returned by Fetch when Telegram will not hand the file
// over: it no longer has it, the ID is not one, or it is too big.
var ErrFileGone = errors.New("telegram: the file cannot be fetched")

// attachment is the image m carries: the largest size of a photo, or a
// document that is an image within MaxFileSize; nil for anything else.
func attachment(m *tgbotapi.Message) *aftercare.File {
	if len(m.Photo) > 0 {
		best := m.Photo[0]
		for _, p := range m.Photo[1:] {
			if p.Width*p.Height > best.Width*best.Height || (p.Width*p.Height == best.Width*best.Height && p.FileSize > best.FileSize) {
				best = p
			}
		}
		return &aftercare.File{Platform: aftercare.Telegram, ID: best.FileID, Name: "photo.jpg", MIME: "image/jpeg", Size: int64(best.FileSize)}
	}
	if d := m.Document; d != nil && strings.HasPrefix(d.MimeType, "image/") && d.FileSize <= MaxFileSize {
		name := d.FileName
		if name == "" {
			name = "image"
		}
		return &aftercare.File{Platform: aftercare.Telegram, ID: d.FileID, Name: name, MIME: d.MimeType, Size: int64(d.FileSize)}
	}
	return nil
}

// fileClient is what Fetch makes its requests with: the Bot API client
// (a copy, never used itself) and the HTTP client under it.
type fileClient struct {
	bot  tgbotapi.BotAPI
	http *http.Client
}

// fileEndpoint is the Bot API's file download endpoint, format
// …/file/bot%s/%s, beside apiEndpoint (…/bot%s/%s). The library's
// File.Link and GetFileDirectURL always use api.telegram.org's
// (tgbotapi.FileEndpoint is a constant), whatever endpoint the bot was
// given, so a self-hosted Bot API server needs it worked out here.
func fileEndpoint(apiEndpoint string) string {
	const tail = "/bot%s/%s"
	if i := strings.LastIndex(apiEndpoint, tail); i >= 0 {
		return apiEndpoint[:i] + "/file" + tail + apiEndpoint[i+len(tail):]
	}
	return tgbotapi.FileEndpoint
}

// Fetch downloads a file a patient sent, by its file_id: getFile through
// the library, then the file from the Bot API's file endpoint (beside
// APIEndpoint). Fetching is safe to repeat. The error Is
// aftercare.ErrRetryLater when it could not be fetched for now (Telegram
// or the network failing, the bot stopping), and ErrFileGone when it never
// will be (Telegram refuses the file_id, or the file is over MaxFileSize).
// It is safe for concurrent use; before Run has connected it returns
// aftercare.ErrRetryLater.
func (a *Adapter) Fetch(ctx context.Context, f aftercare.File) ([]byte, error) {
	if f.Platform != aftercare.Telegram || f.ID == "" {
		return nil, fmt.Errorf("telegram: fetch a %s file %q: %w", f.Platform, f.ID, ErrFileGone)
	}
	fc := a.files.Load()
	if fc == nil {
		return nil, fmt.Errorf("telegram: not connected: %w", aftercare.ErrRetryLater)
	}
	bot := fc.bot // a copy whose requests are bound to ctx
	bot.Client = &ctxClient{ctx: ctx, client: fc.http}
	file, err := bot.GetFile(tgbotapi.FileConfig{FileID: f.ID})
	if err != nil {
		return nil, a.fetchFailed("getFile", err)
	}
	if file.FileSize > MaxFileSize {
		return nil, fmt.Errorf("telegram: the file is %d bytes: %w", file.FileSize, ErrFileGone)
	}
	url := fmt.Sprintf(a.fileEndpoint, a.cfg.Token, file.FilePath)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("telegram: download a file: %w", a.cfg.Redact(err))
	}
	resp, err := fc.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("telegram: download a file: %w: %w", aftercare.ErrRetryLater, a.cfg.Redact(err))
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusOK:
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return nil, fmt.Errorf("telegram: download a file: %s: %w", resp.Status, aftercare.ErrRetryLater)
	default:
		return nil, fmt.Errorf("telegram: download a file: %s: %w", resp.Status, ErrFileGone)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxFileSize+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("telegram: download a file: %w: %w", aftercare.ErrRetryLater, a.cfg.Redact(err))
	case len(data) > MaxFileSize:
		return nil, fmt.Errorf("telegram: the file is over %d bytes: %w", MaxFileSize, ErrFileGone)
	}
	return data, nil
}

// fetchFailed sorts a failed Bot API call of Fetch: Telegram refusing the
// request is for good, anything else is for now (a GET may be repeated).
func (a *Adapter) fetchFailed(method string, err error) error {
	err = a.cfg.Redact(err)
	switch classify(err).reason {
	case "bad_request", "unreachable", "forbidden", "unauthorized":
		return fmt.Errorf("telegram %s: %w: %w", method, ErrFileGone, err)
	}
	return fmt.Errorf("telegram %s: %w: %w", method, aftercare.ErrRetryLater, err)
}
