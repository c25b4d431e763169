package inbox

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/clinicbot/aftercare/internal/store"
)

// Export writes the questions asked at or after since, except those
// staff ignored, as a labelled-questions TSV for `bot eval` (question,
// expected, urgent, source) with expected and urgent left blank for
// someone to fill in; the source says "inbox", why the bot did not answer
// and the topic it recognised. Newest first. It returns how many it wrote.
func Export(ctx context.Context, db *store.DB, since time.Time, w io.Writer) (int, error) {
	var qs []store.Question
	err := db.Tx(ctx, func(tx *store.Tx) (err error) {
		qs, err = tx.Questions(ctx, since, store.StatusNew, store.StatusPlanned, store.StatusAdded)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("export the inbox: %w", err)
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "question\texpected\turgent\tsource")
	for _, q := range qs {
		source := strings.TrimSpace("inbox " + q.Reason + " " + q.Topic)
		fmt.Fprintf(bw, "%s\t\t\t%s\n", oneLine(q.Text), oneLine(source))
	}
	if err := bw.Flush(); err != nil {
		return 0, fmt.Errorf("export the inbox: %w", err)
	}
	return len(qs), nil
}

// oneLine is s on one line with no tab: a TSV field.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
