package bleve

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/polywire/polywire/search/internal/doc"
)

// Bleve-only field names; the shared ones are in package doc.
const (
	fieldPublished = "published" // a date field
	groupStandard  = "std"       // text of languages without their own analyzer
)

// groups maps a text-field suffix to its analyzer. Each story text goes to
// headline_<group> and body_<group> (see group).
var groups = []struct{ suffix, analyzer string }{
	{"ru", ru.AnalyzerName},
	{"en", en.AnalyzerName},
	{"es", es.AnalyzerName},
	{"cjk", cjk.AnalyzerName},
	{groupStandard, standard.Name},
}

// group returns the text-field suffix for a language: its own analyzer for
// ru, en and es, the CJK bigram analyzer for ja, zh and ko, standard else.
func group(lang string) string {
	switch lang {
	case "ru", "en", "es":
		return lang
	case "ja", "zh", "ko":
		return "cjk"
	}
	return groupStandard
}

// textField is an analysed field and its analyzer.
type textFieldSpec struct {
	field, analyzer string
	highlight       bool
}

// textFields lists every analysed field with its analyzer: headlines and
// bodies (in the order highlights are reported), then entity names.
func textFields() []textFieldSpec {
	var out []textFieldSpec
	for _, prefix := range []string{doc.HeadlinePrefix, doc.BodyPrefix, doc.EntitiesPrefix} {
		for _, g := range groups {
			out = append(out, textFieldSpec{prefix + g.suffix, g.analyzer, prefix != doc.EntitiesPrefix})
		}
	}
	return out
}

func newMapping() *mapping.IndexMappingImpl {
	dm := bleve.NewDocumentStaticMapping()
	for _, f := range textFields() {
		dm.AddFieldMappingsAt(f.field, textField(f.analyzer))
	}
	for _, name := range []string{doc.FieldState, doc.FieldLanguage, doc.FieldSource, doc.FieldAgency, doc.FieldRegion,
		doc.FieldPersonID, doc.FieldPersonName, doc.FieldOrgID, doc.FieldOrgName} {
		dm.AddFieldMappingsAt(name, keywordField())
	}
	published := bleve.NewDateTimeFieldMapping()
	published.IncludeInAll = false
	dm.AddFieldMappingsAt(fieldPublished, published)
	version := bleve.NewNumericFieldMapping()
	version.IncludeInAll = false
	dm.AddFieldMappingsAt(doc.FieldVersion, version)
	dm.AddFieldMappingsAt(doc.FieldStory, storedOnly())

	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = standard.Name
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	return im
}

func textField(analyzer string) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = true // highlights need the text and term vectors
	f.IncludeTermVectors = true
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

func keywordField() *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = false
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	return f
}

func storedOnly() *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Index = false
	f.Store = true
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = false
	return f
}
