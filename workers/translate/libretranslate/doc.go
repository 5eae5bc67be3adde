// Package libretranslate is a translate.Engine backed by a LibreTranslate
// server (POST /translate with a JSON body, GET /languages). It shows that
// the Engine interface is not Apertium-shaped; no LibreTranslate server runs
// on the development machines, so its tests replay recorded exchanges.
package libretranslate
