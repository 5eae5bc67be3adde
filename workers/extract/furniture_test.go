package extract

import (
	"strings"
	"testing"
)

// para is a paragraph of news prose long enough to score.
func para(s string) string {
	return "<p>" + s + " The officials said the talks would continue next week, and that both sides expected progress on trade, energy and visas.</p>"
}

func TestFurnitureWithoutClassNames(t *testing.T) {
	article := para("TOKYO (Reuters) - Japan and Russia agreed on Friday to expand trade.") + para("Second paragraph of the story.") + para("Third paragraph of the story.")
	tests := []struct {
		name       string
		page       string
		want, drop []string
	}{
		{
			name: "teaser cards of other stories after the article",
			page: `<div class="col"><div class="x1">` + article + `</div><div class="x2">Other news</div><div class="x3">` +
				`<div class="i"><a href="/1"><h3>Finance ministry sells bonds worth 20 billion</h3></a><p>The ministry sold bonds on Wednesday at a demand of 45 billion, the ministry said in a statement.</p></div>` +
				`<div class="i"><a href="/2"><h3>Central bank keeps its inflation forecast</h3></a><p>The bank kept its forecast for the end of the year in a range of 4 to 4.5 percent, it said.</p></div></div></div>`,
			want: []string{"Japan and Russia agreed", "Third paragraph"},
			drop: []string{"Finance ministry", "sold bonds", "inflation forecast"},
		},
		{
			name: "sections that open with a linked heading are the article",
			page: `<div class="story"><div class="s"><h2><a href="/a">Trade between the regions</a></h2>` + para("Trade grew by a fifth last year.") + para("Exports of aluminium led the growth.") + para("Imports of machinery followed.") +
				`</div><div class="s"><h2><a href="/b">Visas for business travellers</a></h2>` + para("Visa rules will be eased.") + para("Multiple-entry visas will be simpler.") + para("Tourists will benefit too.") + `</div></div>`,
			want: []string{"Trade grew by a fifth", "Tourists will benefit too"},
		},
		{
			name: "photo block with an unclassed caption",
			page: `<div class="story"><div class="lead"><img src="/a.jpg"><div>Waves crash against a breakwater in Naha, Okinawa. (Kyodo News via AP)</div></div>` + article + `</div>`,
			want: []string{"Japan and Russia agreed"},
			drop: []string{"Waves crash"},
		},
		{
			name: "a short brief with its photo is the article",
			page: `<div class="story"><img src="/a.jpg"><p>TOKYO (AP) — A typhoon cancelled 300 flights in southern Japan on Friday, officials said.</p></div>`,
			want: []string{"A typhoon cancelled 300 flights"},
		},
		{
			name: "about block beside the story",
			page: `<div class="w"><div class="story">` + article + `</div><div class="b"><h3>About Reuters</h3>` + para("Reuters, the news and media division of Thomson Reuters, is the world's largest multimedia news provider.") + `</div></div>`,
			want: []string{"Third paragraph"},
			drop: []string{"About Reuters", "largest multimedia"},
		},
		{
			name: "about section inside a press release stays",
			page: `<div class="story">` + article + `<p><strong>About Northwind</strong></p>` + para("Northwind Energy builds transformers for utilities in Europe and Asia.") + `</div>`,
			want: []string{"About Northwind", "builds transformers"},
		},
		{
			name: "headline repeated in a lower heading, separator line",
			page: `<div class="story"><h2>Japan and Russia expand trade</h2>` + article + `<p>___</p><p>Associated Press writer Haruka Nuga contributed to this report.</p></div>`,
			want: []string{"Japan and Russia agreed", "contributed to this report"},
			drop: []string{"Japan and Russia expand trade", "___"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head><title>Japan and Russia expand trade</title></head><body>" + tt.page + "</body></html>"
			res, err := Extract([]byte(page), PageOptions{URL: "https://news.example/a"})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(res.Body, w) {
					t.Errorf("body lacks %q:\n%s", w, res.Body)
				}
			}
			for _, d := range tt.drop {
				if strings.Contains(res.Body, d) {
					t.Errorf("body keeps %q:\n%s", d, res.Body)
				}
			}
		})
	}
}

func TestDigestListsAndLinkLists(t *testing.T) {
	article := para("TOKYO (Reuters) - Japan and Russia agreed on Friday to expand trade.") + para("Second paragraph of the story.")
	tests := []struct {
		name       string
		list       string
		want, drop []string
	}{
		{"digest items add a sentence to their linked headline",
			`<ul><li><strong><a href="/1">Ousted chief executive can still name directors to the board</a>.</strong> He can still influence the company, a report said.</li>` +
				`<li><strong><a href="/2">A new game is finally coming out after twelve years of waiting</a>.</strong> The developer called it a flagship title for the platform.</li></ul>`,
			[]string{"Ousted chief executive", "flagship title"}, nil},
		{"a list of links is dropped",
			`<ul><li><a href="/1">Ousted chief executive can still name directors to the board</a></li><li><a href="/2">A new game is finally coming out after twelve years</a></li></ul>`,
			nil, []string{"Ousted chief executive", "A new game"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><body><div class=\"story\">" + article + tt.list + para("Last paragraph of the story.") + "</div></body></html>"
			res, err := Extract([]byte(page), PageOptions{URL: "https://news.example/a"})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range append(tt.want, "Last paragraph") {
				if !strings.Contains(res.Body, w) {
					t.Errorf("body lacks %q:\n%s", w, res.Body)
				}
			}
			for _, d := range tt.drop {
				if strings.Contains(res.Body, d) {
					t.Errorf("body keeps %q:\n%s", d, res.Body)
				}
			}
		})
	}
}

func TestTextBetweenLineBreaksKeepsParagraphs(t *testing.T) {
	page := `<html><body><div class="col"><p class="titulo">Atendimento Domiciliar registra arrombamento</p>
<small><b>05/10/2018</b> - Publicado por: Clarissa Borba - Categoria: <a href="/c">Saúde</a></small><br><br><img src="/a.jpg"><br><br>
A equipe do Serviço de Atendimento Domiciliar, do bairro Amizade, registrou nesta manhã o arrombamento de dois automóveis da unidade, segundo a prefeitura.<br><br>Os veículos estavam sem as respectivas baterias e nada foi levado, informou a coordenação do serviço.
</div></body></html>`
	res, err := Extract([]byte(page), PageOptions{URL: "https://news.example/a"})
	if err != nil {
		t.Fatal(err)
	}
	// The page has no headline markup: its title paragraph stays; the
	// meta line goes.
	want := "Atendimento Domiciliar registra arrombamento\n\n" +
		"A equipe do Serviço de Atendimento Domiciliar, do bairro Amizade, registrou nesta manhã o arrombamento de dois automóveis da unidade, segundo a prefeitura.\n\n" +
		"Os veículos estavam sem as respectivas baterias e nada foi levado, informou a coordenação do serviço."
	if res.Body != want {
		t.Errorf("body\n%q\nwant\n%q", res.Body, want)
	}
}

func TestWrappedParagraphBesideTheArticleBlocks(t *testing.T) {
	// The lead sits in a media wrapper, the rest in sibling blocks.
	page := `<html><head><title>Investors weigh trade talks</title></head><body><div class="body-text">` +
		`<div class="leafmedia"><p class="para"><cite>Hong Kong (CNN Business)</cite> A muddled view of US-China trade talks once again seems to be weighing on investors.</p></div>` +
		`<div class="para">The major Asian market indexes were mixed in early trading Tuesday after a report that the mood in Beijing was pessimistic, citing a government source.</div>` +
		`<div class="para">Japan's Nikkei 225 declined 0.3%, while South Korea's Kospi Index fell 0.5%, and China's Shanghai Composite recovered its losses to trade up 0.4%.</div>` +
		`<div class="para">Hong Kong's Hang Seng Index rose 0.6% after a weekend of protests, while Australia's S&P/ASX 200 dropped 0.4% in early trade on Tuesday.</div>` +
		`</div></body></html>`
	res, err := Extract([]byte(page), PageOptions{URL: "https://news.example/a"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(res.Body, "Hong Kong (CNN Business) A muddled view") {
		t.Errorf("body does not start with the lead:\n%s", res.Body)
	}
}
