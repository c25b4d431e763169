package main

import (
	"fmt"
	"io/fs"
	"os"

	"github.com/clinicbot/aftercare/content"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/intents"
)

// contentFS returns the content to load: dir when set, else the built-in
// content.
func contentFS(dir string) fs.FS {
	if dir == "" {
		return content.FS
	}
	return os.DirFS(dir)
}

// loadContent loads and validates content and builds its matcher.
func loadContent(dir string) (*catalog.Catalog, *intents.Matcher, error) {
	cat, err := catalog.Load(contentFS(dir))
	if err != nil {
		return nil, nil, fmt.Errorf("load content %s: %w", contentName(dir), err)
	}
	m, err := intents.New(cat)
	if err != nil {
		return nil, nil, fmt.Errorf("load content %s: %w", contentName(dir), err)
	}
	return cat, m, nil
}

func contentName(dir string) string {
	if dir == "" {
		return "(built in)"
	}
	return dir
}
