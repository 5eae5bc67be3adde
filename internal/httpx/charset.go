package httpx

import (
	"bytes"
	"fmt"
	"io"

	"golang.org/x/net/html/charset"
)

// DecodeHTML returns an HTML page as UTF-8 and the name of the encoding it
// was decoded from, determined by BOM, then the Content-Type charset, then a
// <meta> charset in the first 1024 bytes, then a windows-1252 default (the
// HTML standard's algorithm, golang.org/x/net/html/charset).
func DecodeHTML(body []byte, contentType string) ([]byte, string, error) {
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" {
		return bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), name, nil
	}
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(body)))
	if err != nil {
		return nil, name, fmt.Errorf("httpx: decoding %s: %w", name, err)
	}
	return out, name, nil
}

// DecodeLabel transcodes body from the named charset (an IANA label such as
// "koi8-r" or "windows-1251") to UTF-8.
func DecodeLabel(body []byte, label string) ([]byte, error) {
	r, err := charset.NewReaderLabel(label, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("httpx: charset %q: %w", label, err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("httpx: decoding %s: %w", label, err)
	}
	return out, nil
}
