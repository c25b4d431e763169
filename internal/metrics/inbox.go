package metrics

import "github.com/prometheus/client_golang/prometheus"

func newQuestions() *prometheus.CounterVec {
	return prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace,
		Name: "inbox_questions_total", Help: "Unanswered questions recorded in the inbox, by platform and reason (out_of_scope, unknown, other_language, none_of_these)."},
		[]string{"platform", "reason"})
}

// QuestionRecorded counts a question recorded in the unanswered-question
// inbox.
func (r *Registry) QuestionRecorded(platform, reason string) {
	r.questions.WithLabelValues(platform, reason).Inc()
}
