// Package manifest describes the demo corpus on disk: which sources it
// has, which files the feed server answers with, and which stories the
// feeds carry. The generator writes corpus/manifest.json; the demo server
// reads it at start.
package manifest

import "time"

// Placeholder stands for the server's base URL in every generated file; the
// server replaces it with its own http://127.0.0.1:PORT before serving.
// GUIDs never contain it, so story identities do not depend on the port.
const Placeholder = "http://demo.polywire.invalid"

// Manifest is corpus/manifest.json.
type Manifest struct {
	Sources []Source `json:"sources"`
	Files   []File   `json:"files"`
	Items   []Item   `json:"items"`
}

// Source is one demo feed.
type Source struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Feed     string `json:"feed"`   // URL path of the feed
	Format   string `json:"format"` // rss, atom or json
	Language string `json:"language"`
	Agency   string `json:"agency,omitempty"`
	TimeZone string `json:"timezone"`
	Pages    string `json:"pages"`
	Charset  string `json:"charset"`
}

// File is one resource the server answers with.
type File struct {
	Path     string    `json:"path"` // URL path
	File     string    `json:"file"` // file under corpus/
	Type     string    `json:"type"` // Content-Type
	Gzip     bool      `json:"gzip,omitempty"`
	Modified time.Time `json:"modified"`
}

// Item is one story as a feed carries it.
type Item struct {
	Source    string    `json:"source"`
	GUID      string    `json:"guid"`
	Path      string    `json:"path"` // URL path of the article page
	Language  string    `json:"language"`
	Headline  string    `json:"headline"`
	Agency    string    `json:"agency,omitempty"`
	Published time.Time `json:"published"`
	// Origin is where the text was first published, when it is a copy.
	Origin string `json:"origin,omitempty"`
}
