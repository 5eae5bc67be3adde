package pipeline

import (
	"strconv"
	"strings"
)

// Stage names as they appear in subjects, consumer names and the CLI.
const (
	StageSchedule  = "schedule"
	StageFetch     = "fetch"
	StageExtract   = "extract"
	StageTag       = "tag"
	StageTranslate = "translate"
	StageIndex     = "index"
)

// Subject kinds: the second token of a story subject, naming what the
// message is (the output of a stage).
const (
	KindRaw        = "raw"
	KindExtracted  = "extracted"
	KindTagged     = "tagged"
	KindTranslated = "translated"
	KindIndexed    = "indexed"
)

// Stages lists the worker stages in pipeline order.
var Stages = []string{StageSchedule, StageFetch, StageExtract, StageTag, StageTranslate, StageIndex}

// Subject prefixes.
const (
	SubjectRoot = "polywire"
	// SubjectJobs is the internal subject prefix of fetch jobs:
	// polywire-jobs.fetch.<source>. It is outside polywire.> so story
	// subscribers never see jobs.
	SubjectJobs   = "polywire-jobs.fetch"
	SubjectDLQ    = "polywire.dlq"
	SubjectEvents = "polywire.events.source"
)

// Headers carried by every pipeline message (see docs/subjects.md).
const (
	HeaderMsgID           = "Nats-Msg-Id"
	HeaderStoryID         = "Polywire-Story-Id"
	HeaderVersion         = "Polywire-Version"
	HeaderSource          = "Polywire-Source"
	HeaderURL             = "Polywire-Url"
	HeaderDLQStage        = "Polywire-Dlq-Stage"
	HeaderDLQReason       = "Polywire-Dlq-Reason"
	HeaderOriginalSubject = "Polywire-Original-Subject"
	HeaderAttempts        = "Polywire-Attempts"
	HeaderContentEncoding = "Polywire-Content-Encoding"
	HeaderObject          = "Polywire-Object"
	HeaderCorrelationID   = "Polywire-Correlation-Id"
)

// Subject returns polywire.<kind>.<lang>.<source> with each token made safe.
func Subject(kind, lang, source string) string {
	if lang == "" {
		lang = LanguageUnknown
	}
	return SubjectRoot + "." + Token(kind) + "." + Token(lang) + "." + Token(source)
}

// JobSubject returns the subject of a fetch job for source.
func JobSubject(source string) string { return SubjectJobs + "." + Token(source) }

// DLQSubject returns polywire.dlq.<stage>.<source>.
func DLQSubject(stage, source string) string {
	return SubjectDLQ + "." + Token(stage) + "." + Token(source)
}

// EventSubject returns polywire.events.source.<source>.
func EventSubject(source string) string { return SubjectEvents + "." + Token(source) }

// MsgID returns the Nats-Msg-Id of a stage's output: <story id>:<version>:<stage>.
func MsgID(storyID string, version int, stage string) string {
	return storyID + ":" + strconv.Itoa(version) + ":" + stage
}

// Token makes s usable as one subject token: lower case, only a-z, 0-9, '-'
// and '_'; anything else becomes '_'. An empty s becomes "_".
func Token(s string) string {
	if s == "" {
		return "_"
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}
