package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestIsBoilerplate(t *testing.T) {
	tests := []struct {
		para string
		want bool
	}{
		{"Posted: Fri 6:45 PM, Feb 16, 2018 |", true},
		{"EFE 16/09/2019 17:05 CEST", true},
		{"2018-08-16", true},
		{"Updated at 1:23 p.m.", true},
		{"segunda-feira, 22 de janeiro de 2018 às 0:13", true},
		{"Etiquetas: Economía", true},
		{"Related: Markets wrap", true},
		{"Image 1 of 5", true},
		{"Читайте также: Курс рубля вырос", true},
		{"Wordpress Social Share Plugin powered by Ultimatelysocial", true},
		{"Share this article", true},
		{"___", true},
		{"05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad", true},
		{"Posted by: Admin in Category: News", true},
		{"The video, posted by a witness, shows the crash.", false},
		{"* * *", true},
		{"10 p.m.", false},
		{"74", false},
		{"Share prices fell 5% on Monday.", false},
		{"The 2019 season ended on 12 May.", false},
		{"Tokyo 2020 July 24", false},
		{"Related companies reported losses in the third quarter, the ministry said on Tuesday.", false},
	}
	for _, tt := range tests {
		t.Run(tt.para, func(t *testing.T) {
			if got := isBoilerplate(tt.para); got != tt.want {
				t.Errorf("isBoilerplate(%q) = %v, want %v", tt.para, got, tt.want)
			}
		})
	}
}

func TestIsBylineLine(t *testing.T) {
	tests := []struct {
		para, byline string
		want         bool
	}{
		{"By Phil Helsel", "", true},
		{"Phil Helsel", "Phil Helsel", true},
		{"By PHIL HELSEL", "Phil Helsel", true},
		{"Автор: Иван Петров", "", true},
		{"By the end of the day the river had risen two metres.", "", false},
		{"By Monday", "", true},
		{"Phil Helsel is a reporter for NBC News.", "Phil Helsel", false},
	}
	for _, tt := range tests {
		t.Run(tt.para, func(t *testing.T) {
			if got := isBylineLine(tt.para, tt.byline); got != tt.want {
				t.Errorf("isBylineLine(%q, %q) = %v, want %v", tt.para, tt.byline, got, tt.want)
			}
		})
	}
}

func TestDropTrailers(t *testing.T) {
	paras := []string{
		"The council approved the budget.",
		"Follow us on Twitter for more news.",
		"The mayor said she would follow us on the matter — a quote in the middle.",
		"Sign up for our newsletter.",
	}
	got := dropTrailers(append([]string{}, paras...))
	want := []string{paras[0]}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRenderStructure(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"paragraphs and headings", "<p>One, two.</p><h2>Sub</h2><p>Three.</p>", "One, two.\n\nSub\n\nThree."},
		{"br is a line break, two make a paragraph", "<div>Line one<br>line two<br><br>Next para</div>", "Line one\nline two\n\nNext para"},
		{"inline elements keep their spaces", "<p>The <b>big</b> <a href=x>deal</a> closed.</p>", "The big deal closed."},
		{"table rows are lines", "<table><tr><td>DL</td><td>Garrett</td><td>57</td></tr><tr><td>LB</td><td>Wilson</td><td>74</td></tr></table>", "DL Garrett 57\n\nLB Wilson 74"},
		{"list of links is dropped with its title", "<p>Story text here.</p><div>More stories</div><ul><li><a href=a>One story</a></li><li><a href=b>Another</a></li></ul>", "Story text here."},
		{"images are skipped", "<p>Before <img alt=x> after.</p>", "Before after."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><body>" + tt.html + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			body := findFirst(root, func(n *html.Node) bool { return n.Data == "body" })
			r := &renderer{stats: computeStats(root)}
			if got := r.render([]*html.Node{body}); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDropTrailersRadioInvitations(t *testing.T) {
	paras := []string{
		"Fans will be able to listen to the new album from Friday, the label said.",
		"The band starts its tour in May.",
		"Listen to Newsbeat live at 12:45 and 17:45 weekdays - or listen back here.",
		"ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário não serão aprovados pelo moderador.",
	}
	got := dropTrailers(append([]string{}, paras...))
	if strings.Join(got, "|") != strings.Join(paras[:2], "|") {
		t.Errorf("got %q, want the first two paragraphs", got)
	}
}

func TestIsCaption(t *testing.T) {
	tests := []struct {
		para string
		want bool
	}{
		{"The Bank of Japan building in Tokyo, Japan, July 30, 2019. REUTERS/Issei Kato", true},
		{"Waves crash against a breakwater in Naha, Okinawa. (AP Photo/Eugene Hoshiko)", true},
		{"La ministra durante la firma del acuerdo en Madrid. EFE/Archivo", true},
		{"Officials meet in Tokyo. (Photo: Kyodo)", true},
		{"The agency said Reuters/Ipsos polling showed support at 40%.", false},
		{"Support for the president fell to 40%, according to a Reuters/Ipsos poll.", false},
		{"TOKYO (Reuters) - The Bank of Japan kept policy steady on Thursday.", false},
	}
	for _, tt := range tests {
		t.Run(tt.para, func(t *testing.T) {
			if got := isCaption(tt.para); got != tt.want {
				t.Errorf("isCaption(%q) = %v, want %v", tt.para, got, tt.want)
			}
		})
	}
}
