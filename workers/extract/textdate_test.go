package extract

import (
	"testing"
	"time"
)

func TestDateInText(t *testing.T) {
	tests := []struct{ text, want string }{
		{"KYODO NEWS - Sep 20, 2019 - 18:42 | World", "2019-09-20T18:42:00Z"},
		{"September 19, 2019 4:31 PM UTC", "2019-09-19T16:31:00Z"},
		{"Sept. 3rd, 2019", "2019-09-03T00:00:00Z"},
		{"20 September 2019", "2019-09-20T00:00:00Z"},
		{"20 de septiembre de 2019, 13:22", "2019-09-20T13:22:00Z"},
		{"20 сентября 2019 12:40", "2019-09-20T12:40:00Z"},
		{"20.09.2019 13:22", "2019-09-20T13:22:00Z"},
		{"20/09/2019", "2019-09-20T00:00:00Z"},
		{"2019年9月21日 11:05", "2019-09-21T11:05:00Z"},
		{"Updated 2 hours ago", ""},
		{"31 September 2019", ""},
		{"Sep 20", ""},
		{"Flight 20 2019", ""},
		{"In 1985 the plant opened.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := dateInText(tt.text)
			if tt.want == "" {
				if !got.IsZero() {
					t.Errorf("got %v, want none", got)
				}
				return
			}
			if got.Format(time.RFC3339) != tt.want {
				t.Errorf("got %v, want %s", got, tt.want)
			}
		})
	}
}
