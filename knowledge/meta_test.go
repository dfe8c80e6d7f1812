package knowledge_test

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/azchina/azchina/knowledge"
	"github.com/azchina/azchina/seeds"
)

// metaQuotes are the typographic quotes and apostrophes an article and its metadata may
// spell differently.
var metaQuotes = strings.NewReplacer("‘", "'", "’", "'", "‚", "'", "′", "'", "“", `"`, "”", `"`, "„", `"`, "″", `"`)

// normalMeta compares text as written whatever its spacing and quotes.
func normalMeta(s string) string {
	return strings.Join(strings.Fields(metaQuotes.Replace(s)), " ")
}

var metaDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// The seed metadata comes from the articles' own text: every article has an entry, every
// title, publisher and author it names is in the article as written, and every date is a
// day (or empty) with a comment that says how it was derived.
func TestSeedMetadataIsInTheText(t *testing.T) {
	raw, err := fs.ReadFile(seeds.FS, knowledge.MetaFile)
	require.NoError(t, err)
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(raw, &doc))
	require.Len(t, doc.Content, 1)
	root := doc.Content[0]
	require.Equal(t, yaml.MappingNode, root.Kind, "a map of file name to metadata")

	articles, err := fs.Glob(seeds.FS, "*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, articles)
	entries := map[string]*yaml.Node{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		entries[root.Content[i].Value] = root.Content[i+1]
	}
	for name := range entries {
		assert.Contains(t, articles, name, "%s names no seed article", name)
	}

	for _, name := range articles {
		t.Run(name, func(t *testing.T) {
			entry, ok := entries[name]
			require.True(t, ok, "%s has no entry in %s", name, knowledge.MetaFile)
			require.Equal(t, yaml.MappingNode, entry.Kind)
			body, err := fs.ReadFile(seeds.FS, name)
			require.NoError(t, err)
			text := normalMeta(string(body))
			fields := map[string]*yaml.Node{}
			for i := 0; i+1 < len(entry.Content); i += 2 {
				fields[entry.Content[i].Value] = entry.Content[i+1]
			}
			for _, key := range []string{"title", "publisher", "author"} {
				v, ok := fields[key]
				require.True(t, ok, "no %s", key)
				if v.Value != "" {
					// As whole words: "Aytan Farhadov" is not in "by Aytan Farhadova".
					asWritten := regexp.MustCompile(`(?:^|[^\p{L}\p{N}])` + regexp.QuoteMeta(normalMeta(v.Value)) + `(?:$|[^\p{L}\p{N}])`)
					assert.True(t, asWritten.MatchString(text), "the %s %q is not in the article", key, v.Value)
				}
			}
			var dateKey *yaml.Node
			for i := 0; i+1 < len(entry.Content); i += 2 {
				if entry.Content[i].Value == "date" {
					dateKey = entry.Content[i]
				}
			}
			require.NotNil(t, dateKey, "no date")
			date := fields["date"].Value
			if date != "" {
				assert.Regexp(t, metaDate, date)
				_, err := time.Parse(time.DateOnly, date)
				assert.NoError(t, err, "a real day")
			}
			how := dateKey.HeadComment + dateKey.LineComment + fields["date"].LineComment
			assert.NotEmpty(t, strings.Trim(how, "# \n"), "the date %q says nowhere how it was derived", date)
		})
	}
}
