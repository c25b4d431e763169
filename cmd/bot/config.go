package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// Config is the bot's whole configuration, read from environment variables
// and overridden by flags of the same name.
type Config struct {
	ContentDir  string
	ClinicName  string
	ClinicPhone string
}

// setting is one configuration value: its flag, environment variable,
// default and how to apply it.
type setting struct {
	flag   string
	env    string
	def    string
	help   string
	secret bool // never printed
	apply  func(c *Config, v string) error
}

// settings lists every setting, in the order `bot help` shows them.
var settings = []setting{
	{flag: "content", env: "CONTENT_DIR", help: "directory with the clinic's own content (default: the built-in content)",
		apply: func(c *Config, v string) error {
			if v == "" {
				return nil
			}
			fi, err := os.Stat(v)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				return fmt.Errorf("directory %q does not exist", v)
			case err != nil:
				return err
			case !fi.IsDir():
				return fmt.Errorf("%q is not a directory", v)
			}
			c.ContentDir = v
			return nil
		}},
	{flag: "clinic-name", env: "CLINIC_NAME", help: "the clinic's name, used in the texts",
		apply: func(c *Config, v string) error { c.ClinicName = v; return nil }},
	{flag: "clinic-phone", env: "CLINIC_PHONE", help: "the clinic's phone number, given with the practitioner's contact",
		apply: func(c *Config, v string) error { c.ClinicPhone = v; return nil }},
}

// parseConfig reads the configuration from getenv and the flags in args,
// returning the remaining arguments. Errors name the setting and are usage
// errors (exit code 2).
func parseConfig(name string, args []string, getenv func(string) string, stderr io.Writer) (Config, []string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: bot %s [flags]; run `bot help` for every flag and variable\n", name)
	}
	values := make([]*string, len(settings))
	for i, s := range settings {
		def := s.def
		if v, ok := lookup(getenv, s.env); ok {
			def = v
		}
		values[i] = fs.String(s.flag, def, s.help+" ($"+s.env+")")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return Config{}, nil, err
		}
		return Config{}, nil, usageErrorf("%v", err)
	}
	var c Config
	for i, s := range settings {
		if err := s.apply(&c, strings.TrimSpace(*values[i])); err != nil {
			return Config{}, nil, usageErrorf("%s (--%s): %v", s.env, s.flag, err)
		}
	}
	return c, fs.Args(), nil
}

func lookup(getenv func(string) string, key string) (string, bool) {
	v := getenv(key)
	return v, v != ""
}
