package catalog

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// scalar is a YAML text value together with the line it was written on.
type scalar struct {
	Value string
	Line  int
}

func (s *scalar) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: expected text, found a %s", n.Line, kindName(n.Kind))
	}
	s.Value, s.Line = n.Value, n.Line
	return nil
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	default:
		return "document"
	}
}

// The shapes of the content files. Unknown fields are refused.

type itemsFile struct {
	Items []itemYAML `yaml:"items"`
}

type itemYAML struct {
	ID              scalar   `yaml:"id"`
	Section         scalar   `yaml:"section"`
	Title           scalar   `yaml:"title"`
	Answer          scalar   `yaml:"answer"`
	Keywords        []scalar `yaml:"keywords"`
	ContextKeywords []scalar `yaml:"context_keywords"`
	Hints           []scalar `yaml:"hints"`
	NotAbout        []scalar `yaml:"not_about"`
	Refines         []scalar `yaml:"refines"`
	Covers          []scalar `yaml:"covers"`
	Examples        []scalar `yaml:"examples"`
	Timing          *struct {
		Hours  scalar `yaml:"hours"`
		Days   scalar `yaml:"days"`
		During scalar `yaml:"during"`
		After  scalar `yaml:"after"`
	} `yaml:"timing"`
}

// textsFile maps each text's key to its text. Any key is accepted; see
// Texts.Unknown.
type textsFile map[string]scalar

type smalltalkFile struct {
	Smalltalk []struct {
		ID      scalar   `yaml:"id"`
		Phrases []scalar `yaml:"phrases"`
	} `yaml:"smalltalk"`
}

type redFlagsFile struct {
	Item           scalar   `yaml:"item"`
	Negations      []scalar `yaml:"negations"`
	NegationsAfter []scalar `yaml:"negations_after"`
	Hypotheticals  []scalar `yaml:"hypotheticals"`
	ThirdParty     []scalar `yaml:"third_party"`
	Past           []scalar `yaml:"past"`
	General        []scalar `yaml:"general"`
	OtherCauses    []scalar `yaml:"other_causes"`
	Unrelated      []scalar `yaml:"unrelated"`
	Ignore         []scalar `yaml:"ignore"`
	Flags          []struct {
		Name     scalar `yaml:"name"`
		Systemic bool   `yaml:"systemic"`
		Now      bool   `yaml:"now"`
		// NotCausedBy are words of an other_causes cue that do not
		// explain this flag's sign: the sun does not explain blisters on
		// skin the treatment left sensitive to it.
		NotCausedBy []string `yaml:"not_caused_by"`
		Rules       []scalar `yaml:"rules"`
	} `yaml:"flags"`
}

type lexiconFile struct {
	Spelling      map[string]scalar `yaml:"spelling"`
	OutOfScope    []scalar          `yaml:"out_of_scope"`
	Context       []scalar          `yaml:"context"`
	OtherMeanings []scalar          `yaml:"other_meanings"`
}
