package knowledge

// Article is one news article the engine answers from, with the metadata its text names.
type Article struct {
	Source    string `json:"source" yaml:"-"`    // seed file name, e.g. "001_1dd007d9d2e50d38.txt"
	Title     string `json:"title" yaml:"title"` // empty where the text gives none
	Publisher string `json:"publisher" yaml:"publisher"`
	Author    string `json:"author" yaml:"author"`
	Date      string `json:"date" yaml:"date"` // YYYY-MM-DD, empty where the text does not say
	Facts     int    `json:"facts" yaml:"-"`   // how many facts the article gave
}

// Label names the article for a reader: its title, else its publisher and date, else its
// file name.
func (a Article) Label() string {
	switch {
	case a.Title != "":
		return a.Title
	case a.Publisher != "" && a.Date != "":
		return a.Publisher + ", " + a.Date
	case a.Publisher != "":
		return a.Publisher
	}
	return a.Source
}

// Fact is one sentence of an article body, kept verbatim with where it came from.
type Fact struct {
	ID         int      // position in the engine's fact list
	Source     string   // seed file name
	Paragraph  int      // 1-based paragraph of the cleaned article
	Text       string   // verbatim sentence
	Section    string   // the heading the sentence stands under, if any
	Refers     string   // the person a leading pronoun ("He …") refers to
	Speaker    string   // the person a quoted sentence is attributed to
	Lead       int      // ID of the sentence that introduced the quotation it stands in, or -1
	People     []string // the persons it names
	Dates      []Date   // dates it names or implies, resolved against the article's date
	Intents    []string // intent IDs the fact is filed under
	Kind       FactKind
	ListItem   bool
	Introduces bool // ends with a colon: the sentences after it complete it
	Prev       int  // ID of the sentence before it in the article, -1 if none
	Next       int  // ID of the sentence after it in the article, -1 if none
}

// Date is a date a fact names ("22 April, 2025") or implies ("on Wednesday"), resolved to
// "2006-01-02", "2006-01" or "2006", or to "--01-02" when no year can be told.
type Date struct {
	Phrase   string
	Value    string
	Relative bool // resolved against the article's date
	Named    bool // a year that opens a name: "the 2030 … Strategy"
}

// FactKind tells a body sentence from the credits a page carries around it.
type FactKind int

const (
	// Body is a sentence of the article's text.
	Body FactKind = iota
	// Caption is a photo caption or credit: it answers only questions about photos.
	Caption
	// Byline names the article's author: it answers only questions about who wrote it.
	Byline
	// Credit says where an article comes from (a "Source:" line, a dateline): it answers
	// only questions about the article itself.
	Credit
	// Bio is a sentence about the author: it answers only questions about the author.
	Bio
)

// Intent is a topic questions and facts are filed under.
type Intent struct {
	ID          string   `yaml:"id"`
	Name        string   `yaml:"name"`
	Description string   `yaml:"description"`
	Vocabulary  []string `yaml:"vocabulary"`
	Examples    []string `yaml:"examples"`
}

// Citation names where a quote comes from. Quote is verbatim text of the file Source.
type Citation struct {
	Source    string `json:"source"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Date      string `json:"date"`
	Paragraph int    `json:"paragraph"`
	Quote     string `json:"quote"`
}

// Answer is the engine's reply to a question. When Answered is false, Text says what the
// engine can answer instead and there are no citations.
type Answer struct {
	Answered   bool       `json:"answered"`
	Text       string     `json:"text"`
	Intent     string     `json:"intent,omitempty"`
	Confidence float64    `json:"confidence"`
	Citations  []Citation `json:"citations"`
	// Language is the language the question was asked in ("az", "ru", "zh") when it was
	// not English; the quotes are English all the same.
	Language string `json:"language,omitempty"`
}
