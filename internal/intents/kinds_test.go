package intents_test

import (
	"testing"

	"github.com/clinicbot/aftercare/internal/fixture"
)

// urgencyCase is a message and whether the person has a red flag now.
type urgencyCase struct {
	msg    string
	urgent bool
}

func runUrgency(t *testing.T, cases []urgencyCase) {
	t.Helper()
	m := fixture.Matcher(t)
	for _, tc := range cases {
		r := m.Match(tc.msg)
		if r.Urgent != tc.urgent {
			t.Errorf("Match(%q).Urgent = %v (flags %v, %s %q), want %v", tc.msg, r.Urgent, r.RedFlags, r.Kind, r.Intent, tc.urgent)
		}
	}
}

// Red flags in the other languages the bot recognises, read through the
// glossary: hives, welts, rashes, itching and swelling words, and the
// elided articles of French and Italian ("l'urticaire").
func TestRedFlagsInOtherLanguages(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"J'ai de l'urticaire partout sur le visage depuis la séance", true},
		{"Mes lèvres sont enflées depuis ce matin", true},
		{"Me han salido ronchas en la cara y me pica muchísimo", true},
		{"Tengo habones por todo el cuello desde el tratamiento", true},
		{"Ich habe Quaddeln im Gesicht und es juckt stark nach der Behandlung", true},
		{"Mi sono venuti dei pomfi sul viso e mi prude tutto", true},
		{"Mi si sono gonfiate le labbra dopo il trattamento", true},
		{"Ho avuto l'orticaria stamattina dopo la seduta", true},
		{"Estou com urticária no rosto desde o tratamento", true},
		{"Ik heb netelroos op mijn gezicht sinds de behandeling", true},
		{"Mam pokrzywkę na twarzy po zabiegu i bardzo swędzi", true},
		{"Am urticarie pe față după tratament", true},
		// Still not urgent: another language with no red flag in it.
		{"Mon visage est un peu rouge, c'est normal ?", false},
		{"¿Puedo usar crema hidratante esta noche?", false},
	})
}
