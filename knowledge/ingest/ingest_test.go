package ingest

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/seeds"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "One thing. Another thing.", []string{"One thing.", "Another thing."}},
		{"decimal money", "Trade passed $3.5 billion. It doubled.", []string{"Trade passed $3.5 billion.", "It doubled."}},
		{"month abbreviation", "They met on Jan. 5 in Baku. Talks went well.", []string{"They met on Jan. 5 in Baku.", "Talks went well."}},
		{"initial", "J. Smith wrote it. Others agreed.", []string{"J. Smith wrote it.", "Others agreed."}},
		{"quotation ends sentence", "He said, “China supports Azerbaijan.” He stressed security.", []string{"He said, “China supports Azerbaijan.”", "He stressed security."}},
		{"quotation continues", "He called it “a milestone,” and left.", []string{"He called it “a milestone,” and left."}},
		{"question then attribution", `"Why not?" he asked. Nobody knew.`, []string{`"Why not?" he asked.`, "Nobody knew."}},
		{"open quotation dropped", `"Trade grew. It doubled.`, []string{"Trade grew.", "It doubled."}},
		{"acronym", "The U.S. delegation came. It left.", []string{"The U.S. delegation came.", "It left."}},
		{"no terminal mark", "A heading without a stop", []string{"A heading without a stop"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range splitSentences(tt.text, 0) {
				got = append(got, tt.text[sp.start:sp.end])
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestFindDates(t *testing.T) {
	ref := time.Date(2025, 4, 28, 0, 0, 0, 0, time.UTC) // a Monday
	tests := []struct {
		name string
		text string
		want []string
		rel  bool
	}{
		{"day month year", "On 22 April, 2025, flags were hung.", []string{"2025-04-22"}, false},
		{"month day year", "in Beijing, April 23, 2025.", []string{"2025-04-23"}, false},
		{"month day, article year", "signed on April 23", []string{"2025-04-23"}, false},
		{"year", "since 1995, companies invested", []string{"1995"}, false},
		{"last month name", "came last July, with", []string{"2024-07"}, true},
		{"this month name", "scheduled for this August.", []string{"2025-08"}, true},
		{"month last year", "visit in April last year", []string{"2024-04"}, true},
		{"weekday", "On Wednesday, they met", []string{"2025-04-23"}, true},
		{"previous day", "On Wednesday, a visit that began the previous day", []string{"2025-04-23", "2025-04-22"}, true},
		{"money is not a year", "invested $2019 million", nil, false},
		{"a year opening a name", "aligned with the 2030 Socio-Economic Development Strategy", []string{"2030"}, false},
		{"a year before a name", "In 2025 Azerbaijan and China signed", []string{"2025"}, false},
		{"day range", "a state visit between 22 and 24 April.", []string{"2025-04-22", "2025-04-24"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range findDates(tt.text, ref) {
				got = append(got, d.Value)
				assert.Equal(t, tt.rel, d.Relative, d.Phrase)
			}
			assert.Equal(t, tt.want, got)
		})
	}
	assert.Empty(t, findDates("On Wednesday, last July", time.Time{}), "relative dates need the article's date")
	named := findDates("aligned with the 2030 Socio-Economic Development Strategy", ref)
	if assert.Len(t, named, 1) {
		assert.True(t, named[0].Named, "a year that opens a name")
	}
	for _, d := range findDates("In 2025 Azerbaijan and China signed the 2019 agreement", ref) {
		assert.False(t, d.Named, d.Phrase)
	}
	var got []string
	for _, d := range findDates("the agreements signed on April 23 and the 2019 forum", time.Time{}) {
		got = append(got, d.Value)
	}
	assert.Equal(t, []string{"--04-23", "2019"}, got, "a day of an undated article keeps its month and day")
}

func parseSeed(t *testing.T, name string, meta Meta) *Document {
	t.Helper()
	raw, err := seeds.FS.ReadFile(name)
	require.NoError(t, err)
	doc, err := Parse(name, raw, meta)
	require.NoError(t, err)
	for _, s := range doc.Sentences {
		require.Equal(t, string(raw[s.Start:s.End]), s.Text, "a sentence is always verbatim")
	}
	return doc
}

func find(doc *Document, prefix string) *Sentence {
	for i := range doc.Sentences {
		if strings.HasPrefix(doc.Sentences[i].Text, prefix) {
			return &doc.Sentences[i]
		}
	}
	return nil
}

func bodyText(doc *Document) string {
	var b strings.Builder
	for _, s := range doc.Sentences {
		if s.Kind == Body {
			b.WriteString(s.Text + "\n")
		}
	}
	return b.String()
}

func TestSeedsFurnitureIsNotBody(t *testing.T) {
	names, err := seeds.FS.ReadDir(".")
	require.NoError(t, err)
	for _, n := range names {
		if !strings.HasSuffix(n.Name(), ".txt") {
			continue
		}
		body := bodyText(parseSeed(t, n.Name(), Meta{}))
		for _, junk := range []string{"px", "Related articles", "Editor's choice", "Popular", "Claims Commission",
			"Register of Damage", "Source:", "Photo:", "by Aytan", "experienced journalist", "News.Az\n"} {
			assert.NotContains(t, body, junk, n.Name())
		}
	}
}

func TestSeedMetadataFromText(t *testing.T) {
	tests := []struct {
		name string
		want Meta
	}{
		{"000_4a064d0de9c1c643.txt", Meta{Publisher: "News.Az", Date: "2026-01-28"}},
		{"002_6166f93d619a1581.txt", Meta{Title: "Azerbaijan and China sign Comprehensive Strategic Partnership", Publisher: "commonspace.eu", Date: "2025-04-23"}},
		{"003_c856946c1487f07b.txt", Meta{Title: "China and Azerbaijan agree on a visa-free regime during Aliyev’s visit to Beijing", Author: "Aytan Farhadova", Date: "2025-04-22"}},
		{"004_5522fbf094e0c90f.txt", Meta{Publisher: "Trend"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, parseSeed(t, tt.name, Meta{}).Meta)
		})
	}
}

func TestCredits(t *testing.T) {
	doc := parseSeed(t, "003_c856946c1487f07b.txt", Meta{})
	kinds := map[Kind][]string{}
	for _, s := range doc.Sentences {
		kinds[s.Kind] = append(kinds[s.Kind], s.Text)
	}
	assert.Equal(t, []string{"by Aytan Farhadova"}, kinds[Byline])
	require.Len(t, kinds[Caption], 2)
	assert.Contains(t, kinds[Caption][0], "Rao Aimin")
}

func TestListItemsAndHeadings(t *testing.T) {
	doc := parseSeed(t, "001_1dd007d9d2e50d38.txt", Meta{})
	item := find(doc, "Mutual Visa Exemption for ordinary passport holders")
	require.NotNil(t, item, "a list item is a sentence without its dash")
	assert.True(t, item.ListItem)
	assert.Equal(t, "China and Azerbaijan sign 20 agreements", item.Section)
	intro := find(doc, "Key agreements include:")
	require.NotNil(t, intro)
	assert.True(t, intro.Introduces)
	sec := find(doc, "Recognizing shared security challenges")
	require.NotNil(t, sec)
	assert.Equal(t, "Key highlights from Azerbaijan–China Joint Statement › Security and Counterterrorism Cooperation", sec.Section,
		"a colon-ended paragraph before headings makes its heading their parent")
}

func TestCounterparts(t *testing.T) {
	d1 := parseSeed(t, "001_1dd007d9d2e50d38.txt", Meta{})
	assert.Equal(t, []string{"Xi Jinping", "Ilham Aliyev"}, find(d1, "President Xi welcomed his Azerbaijani counterpart").People,
		"the Azerbaijani president, as the article titles him, is Xi's Azerbaijani counterpart")
	d3 := parseSeed(t, "003_c856946c1487f07b.txt", Meta{Date: "2025-04-23"})
	assert.Equal(t, []string{"Ilham Aliyev", "Xi Jinping"}, find(d3, "On Wednesday, Azerbaijani President Ilham Aliyev met with his Chinese counterpart").People,
		"a counterpart named already is named once")
}

func TestPronounsAndSpeakers(t *testing.T) {
	d3 := parseSeed(t, "003_c856946c1487f07b.txt", Meta{Date: "2025-04-23"})
	assert.Equal(t, "Ilham Aliyev", find(d3, "He also brought his family").Refers)
	assert.Empty(t, find(d3, "The official visit to Beijing").Refers, "“The official visit” is no person")

	d4 := parseSeed(t, "004_5522fbf094e0c90f.txt", Meta{Date: "2025-04-28"})
	assert.Equal(t, "Arzukhan Alizadeh", find(d4, "He highlighted that, since 1995").Refers)
	assert.Equal(t, "Arzukhan Alizadeh", find(d4, "The deputy added").Refers)
	assert.Equal(t, "Arzukhan Alizadeh", find(d4, "In parallel, Azerbaijan has invested").Speaker)
	assert.Equal(t, "Azer Allahveranov", find(d4, "For 33 years").Speaker, "a colon introduces the speaker of the quotation after it")
	assert.Equal(t, "Azer Allahveranov", find(d4, "Azerbaijan and China also cooperate closely").Speaker, "a quotation runs on over paragraphs")
	assert.Equal(t, "Azer Allahveranov", find(d4, "The MP further highlighted").Refers)
	assert.Empty(t, find(d4, "Alizadeh concluded").Speaker)
	assert.True(t, strings.HasPrefix(find(d4, "Furthermore, the cooperation").Lead, "The MP further highlighted that during the leaders"),
		"the sentence that opens a quotation leads every sentence of it")
	assert.True(t, strings.HasPrefix(find(d4, "Azerbaijan and China also cooperate closely").Lead, "In a separate statement"),
		"a quotation runs on over paragraphs")
	assert.Empty(t, find(d4, "The MP further highlighted").Lead)
	assert.Empty(t, find(d4, "Alizadeh concluded").Lead)
}

func TestRelativeDatesResolveAgainstArticleDate(t *testing.T) {
	d4 := parseSeed(t, "004_5522fbf094e0c90f.txt", Meta{Date: "2025-04-28"})
	assert.Equal(t, "2024-07", find(d4, "A pivotal moment").Dates[0].Value)
	assert.Equal(t, "2025-08", find(d4, "He added that the president of China").Dates[0].Value)
	d0 := parseSeed(t, "000_4a064d0de9c1c643.txt", Meta{})
	assert.Equal(t, "2025-04", find(d0, "They highlighted that numerous agreements").Dates[0].Value)
	d3 := parseSeed(t, "003_c856946c1487f07b.txt", Meta{Date: "2025-04-23"})
	var got []string
	for _, d := range find(d3, "On Wednesday").Dates {
		got = append(got, d.Phrase+"="+d.Value)
	}
	assert.Equal(t, []string{"On Wednesday=2025-04-23", "the previous day=2025-04-22"}, got)
}

func TestOffTopicParagraphWithoutSidebar(t *testing.T) {
	raw, err := os.ReadFile("testdata/offtopic.txt")
	require.NoError(t, err)
	doc, err := Parse("offtopic.txt", raw, Meta{})
	require.NoError(t, err)
	body := bodyText(doc)
	assert.NotContains(t, body, "Louvre")
	assert.Contains(t, body, "Armenia expects the first trucks")
	assert.Equal(t, "2026-03-03", doc.Meta.Date, "a dateline with a year dates the article")
	assert.Equal(t, "Georgia and Armenia open a new border crossing", doc.Meta.Title)
	assert.Equal(t, "Irakli Kobakhidze", find(doc, "He also thanked").Refers)
	assert.Equal(t, "2026-03-03", find(doc, "Georgian Prime Minister").Dates[0].Value, "“on Tuesday” is the dateline's day")
}

func TestQuotations(t *testing.T) {
	raw, err := os.ReadFile("testdata/quotes.txt")
	require.NoError(t, err)
	doc, err := Parse("quotes.txt", raw, Meta{Date: "2025-05-05"})
	require.NoError(t, err)
	assert.Equal(t, "Leyla Hasanova", find(doc, "Trade grew by 10 percent").Speaker)
	assert.Equal(t, "Leyla Hasanova", find(doc, "The deputy added").Refers)
	assert.Equal(t, "Rauf Mammadov", find(doc, "Our ties are strong").Speaker)
	assert.Equal(t, "Rauf Mammadov", find(doc, "They will grow further").Speaker)
	assert.Equal(t, "2024-07", find(doc, "The $2.5 billion figure").Dates[0].Value)
}

func TestBadArticles(t *testing.T) {
	_, err := Parse("bad.txt", []byte{0xff, 0xfe, 'a'}, Meta{})
	assert.True(t, errors.Is(err, ErrNotText), "%v", err)
	_, err = Parse("empty.txt", []byte("  \n\n"), Meta{})
	assert.True(t, errors.Is(err, ErrEmpty), "%v", err)
	_, err = Parse("junk.txt", []byte("Related articles\nSomething else entirely."), Meta{})
	assert.True(t, errors.Is(err, ErrEmpty), "%v", err)
}

func TestDatelineIsACredit(t *testing.T) {
	doc := parseSeed(t, "004_5522fbf094e0c90f.txt", Meta{Date: "2025-04-28"})
	assert.Equal(t, Credit, doc.Sentences[0].Kind)
	assert.Equal(t, "BAKU, Azerbaijan, April 28.", doc.Sentences[0].Text)
	assert.Equal(t, 1, doc.Sentences[0].Paragraph, "the dateline shares the number of the paragraph it opens")
	assert.True(t, strings.HasPrefix(doc.Sentences[1].Text, "Azerbaijani-Chinese relations have evolved"))
	assert.Equal(t, Body, doc.Sentences[1].Kind)
	assert.Equal(t, 1, doc.Sentences[1].Paragraph)
}

func TestCreditsBiosAndTitles(t *testing.T) {
	d2 := parseSeed(t, "002_6166f93d619a1581.txt", Meta{Title: "Azerbaijan and China sign Comprehensive Strategic Partnership"})
	kinds := map[Kind][]string{}
	for _, s := range d2.Sentences {
		kinds[s.Kind] = append(kinds[s.Kind], s.Text)
		if s.Kind == Body {
			assert.Empty(t, s.Section, "a headline is the title, not the heading of every sentence: %s", s.Text)
		}
	}
	assert.Equal(t, []string{"Source: commonspace.eu with agencies."}, kinds[Credit], "the Source line is a credit")
	require.Len(t, kinds[Caption], 1)
	assert.True(t, strings.HasPrefix(kinds[Caption][0], "Photo: Chinese President Xi Jinping"), "the photo credit after it is a caption")

	d3 := parseSeed(t, "003_c856946c1487f07b.txt", Meta{Author: "Aytan Farhadova"})
	var bio []string
	for _, s := range d3.Sentences {
		if s.Kind == Bio {
			bio = append(bio, s.Text)
			assert.Equal(t, "Aytan Farhadova", s.Refers, "a bio is about the author")
		}
	}
	require.Len(t, bio, 2)
	assert.Contains(t, bio[1], "she now lives in Georgia")
	assert.NotContains(t, bodyText(d3), "Aliyev praises ties with China ahead of visit", "the teaser before the author box is dropped")
	assert.Nil(t, find(d3, "Aliyev praises ties"))
	assert.Equal(t, []string{"Liu Jianchao"}, find(d3, "Liu’s visit was followed").People, "“by Russian state news agency” names no person; “Liu’s” is Liu Jianchao")
	assert.Equal(t, []string{"Liu Jianchao"}, find(d3, "The official visit to Beijing was also preceded").People, "a name the article calls by its part alone is a person's")
}

// FuzzParse feeds article ingestion any bytes, with any known date: it never panics,
// refuses only with ErrNotText or ErrEmpty, and every sentence it keeps is the verbatim
// text at its offsets, in order.
func FuzzParse(f *testing.F) {
	names, err := seeds.FS.ReadDir(".")
	require.NoError(f, err)
	for _, n := range names {
		if strings.HasSuffix(n.Name(), ".txt") {
			raw, err := seeds.FS.ReadFile(n.Name())
			require.NoError(f, err)
			f.Add(raw, "")
			f.Add(raw, "2025-04-28")
		}
	}
	for _, s := range []string{"", "\xff", "Related articles\n", "by X\n", "BAKU, May 5. He said.", "\"\"\"", "- \n- a", "Photo: x\n",
		"date 2026-01-28 + ↺ − 16 px\nHe came on Wednesday, last July.", "\r\n\r\nA.\r\nB.", "\x00\x01", "Jan. 5, 2025. $3.5 billion.", "“Quote,” he said."} {
		f.Add([]byte(s), "")
	}
	f.Add([]byte("They met on Wednesday and again last July."), "2025-02-30")
	f.Add([]byte("They met this August."), "not a date")
	f.Fuzz(func(t *testing.T, raw []byte, date string) {
		doc, err := Parse("fuzz.txt", raw, Meta{Date: date})
		if err != nil {
			require.True(t, errors.Is(err, ErrNotText) || errors.Is(err, ErrEmpty), "a clear refusal, not %v", err)
			return
		}
		require.NotEmpty(t, doc.Sentences)
		last := 0
		for _, s := range doc.Sentences {
			require.True(t, s.Start >= last && s.Start < s.End && s.End <= len(raw), "offsets %d–%d in order and in the article", s.Start, s.End)
			require.Equal(t, string(raw[s.Start:s.End]), s.Text, "a sentence is always verbatim")
			last = s.Start
		}
	})
}

func TestHasStatement(t *testing.T) {
	for text, want := range map[string]bool{
		"President Aliyev, affirming Azerbaijan's adherence, reiterated that Taiwan is part of China.": true,
		"He further lauded President Xi's global initiatives.":                                         true,
		"Xi and Peng also hosted a welcoming banquet for Aliyev.":                                      false,
		"Bayramov met with Wang Yi in Beijing.":                                                        false,
		"Xi extended an invitation to President Aliyev to the summit.":                                 true,
		"The invitation was accepted with enthusiasm.":                                                 false,
		"“We are partners,” he said—and smiled.":                                                       true,
		"Wang Yi TOLD the press nothing new.":                                                          true,
	} {
		assert.Equal(t, want, HasStatement(text), text)
	}
}

func TestNamesRoleLower(t *testing.T) {
	for _, text := range []string{
		"MP Arzukhan Alizadeh said",
		"An experienced journalist, Aytan has",
		"The deputy added that",
		"The two leaders later signed",
		"Trade turnover has more than doubled.",
		"the presidential couple",
		"Xi and his wife, Peng Liyuan",
	} {
		assert.Equal(t, NamesRole(text), NamesRoleLower(strings.ToLower(text)), text)
	}
	assert.True(t, NamesRoleLower("china’s charge d’affaires to armenia"), "a role word after an apostrophe")
}
