module github.com/clinicbot/aftercare

go 1.26.8

require (
	github.com/hbollon/go-edlib v1.7.0
	github.com/kljensen/snowball v0.10.0
	github.com/sahilm/fuzzy v0.1.3
	golang.org/x/text v0.44.0
	gopkg.in/yaml.v3 v3.0.1
)
