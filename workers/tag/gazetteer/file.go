package gazetteer

// The YAML shape of one gazetteer file. Unknown keys are errors.
type file struct {
	Places    []filePlace         `yaml:"places"`
	People    []filePerson        `yaml:"people"`
	Orgs      []fileOrg           `yaml:"orgs"`
	Stopwords map[string][]string `yaml:"stopwords"`
}

type filePlace struct {
	ID     string              `yaml:"id"`
	Code   string              `yaml:"code"`
	Type   string              `yaml:"type"`
	Parent string              `yaml:"parent"`
	Names  map[string][]string `yaml:"names"`
}

type filePerson struct {
	ID    string              `yaml:"id"`
	Names map[string][]string `yaml:"names"`
	Roles []fileRole          `yaml:"roles"`
}

type fileRole struct {
	Role   string `yaml:"role"`
	Office string `yaml:"office"`
	To     string `yaml:"to"`
	From   string `yaml:"from"`
	Until  string `yaml:"until"`
}

type fileOrg struct {
	ID            string              `yaml:"id"`
	Names         map[string][]string `yaml:"names"`
	Abbreviations map[string][]string `yaml:"abbreviations"`
}
