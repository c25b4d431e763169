package slack

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	slackapi "github.com/slack-go/slack"

	"github.com/clinicbot/aftercare"
)

// A file Upload shares is named key + "~" + its name, so that Lookup can
// find it after an answer that left its fate unknown: files carry no
// message metadata. Its title, which Slack shows, is its name.
const uploadKeySep = "~"

// uploadKey is the key in the name of a file Upload shared, "" for others.
func uploadKey(name string) string {
	key, _, ok := strings.Cut(name, uploadKeySep)
	if !ok {
		return ""
	}
	return key
}

// A file's ref is "file:" and its ID, where other refs are a message's ts.
const fileRefPrefix = "file:"

func fileRef(id string) string { return fileRefPrefix + id }

func fileID(ref string) (string, bool) { return strings.CutPrefix(ref, fileRefPrefix) }

// Upload shares content as a file named f.Name in to's channel, in its
// thread when to.Thread is set, through the library's three-step upload
// (files.getUploadURLExternal, the upload, files.completeUploadExternal).
// key, when set, lets Lookup find the file later. The ref returned names
// the file; Delete deletes it.
//
// Errors are as Send's, with one difference: only the last step shares
// the file, so a failure in the first two (a timeout included) leaves
// nothing posted and Is aftercare.ErrRetryLater; a 500 or a timeout of
// the last step Is aftercare.ErrUncertain.
func (a *Adapter) Upload(ctx context.Context, to aftercare.Address, f aftercare.File, content []byte, key string) (aftercare.MessageRef, error) {
	ref := aftercare.MessageRef{Address: to}
	if len(content) == 0 {
		return ref, errors.New("slack: upload an empty file")
	}
	name := uploadName(f.Name)
	filename := name
	if key != "" {
		filename = key + uploadKeySep + name
	}
	var sum *slackapi.FileSummary
	err := a.doClassified(ctx, classifyUpload, func(ctx context.Context) error {
		var err error
		sum, err = a.api.UploadFileContext(ctx, slackapi.UploadFileParameters{
			Reader: bytes.NewReader(content), FileSize: len(content), Filename: filename, Title: name,
			Channel: to.Chat, ThreadTimestamp: to.Thread,
		})
		return err
	})
	if err != nil {
		return ref, err
	}
	ref.ID = fileRef(sum.ID)
	return ref, nil
}

func uploadName(name string) string {
	if name = strings.TrimSpace(name); name == "" {
		return "file"
	}
	return strings.ReplaceAll(name, uploadKeySep, "-")
}

// classifyUpload is classify for an upload: a failure before
// files.completeUploadExternal, which alone shares the file, cannot have
// posted anything, so it is tried again rather than reported uncertain.
// (The library names the failed step at the start of its error.)
func classifyUpload(err error) verdict {
	v := classify(err)
	if errors.Is(v.outcome, aftercare.ErrUncertain) && !strings.HasPrefix(err.Error(), "CompleteUploadExternal:") {
		v.retry, v.backoff, v.outcome = true, true, aftercare.ErrRetryLater
	}
	return v
}

// deleteFile deletes a file Upload shared; one already gone is no error.
func (a *Adapter) deleteFile(ctx context.Context, id string) error {
	err := a.do(ctx, func(ctx context.Context) error { return a.api.DeleteFileContext(ctx, id) })
	if isSlackError(err, "file_not_found") || isSlackError(err, "file_deleted") {
		return nil
	}
	if err != nil {
		return fmt.Errorf("delete file: %w", err)
	}
	return nil
}
