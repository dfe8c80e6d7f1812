package discord

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// The permissions that make a member a moderator.
// https://discord.com/developers/docs/topics/permissions#permissions-bitwise-permission-flags
const (
	permAdministrator  = 1 << 3
	permManageChannels = 1 << 4
	permManageGuild    = 1 << 5 // "Manage Server" in the client
	moderatorPerms     = permAdministrator | permManageChannels | permManageGuild
)

// moderatorTimeout bounds reading a server's roles for a moderator check.
const moderatorTimeout = 5 * time.Second

// guildInfo is what a moderator check needs of a server.
// https://discord.com/developers/docs/resources/guild#guild-object
type guildInfo struct {
	OwnerID string `json:"owner_id"`
	Roles   []struct {
		ID          string `json:"id"`
		Name        string `json:"name"`
		Permissions int64  `json:"permissions,string"`
	} `json:"roles"`
}

// member is who wrote a message or used a command in a server.
type member struct {
	guildID, userID string
	roles           []string // role IDs
	// perms are the member's permissions in the channel when Discord sent them (with a
	// slash command), else nil: they are computed from the server's roles.
	perms *int64
}

// moderates reports whether m moderates the server g: its owner, a member whose roles
// grant Administrator, Manage Server or Manage Channels, or one with a role named in
// roleNames.
func moderates(g guildInfo, m member, roleNames []string) bool {
	if m.userID != "" && m.userID == g.OwnerID {
		return true
	}
	has := map[string]bool{m.guildID: true} // every member has @everyone, whose ID is the server's
	for _, r := range m.roles {
		has[r] = true
	}
	perms := int64(0)
	if m.perms != nil {
		perms = *m.perms
	}
	for _, r := range g.Roles {
		if !has[r.ID] {
			continue
		}
		if m.perms == nil {
			perms |= r.Permissions
		}
		for _, name := range roleNames {
			if r.ID != m.guildID && strings.EqualFold(strings.TrimSpace(name), r.Name) {
				return true
			}
		}
	}
	return perms&moderatorPerms != 0
}

// moderator returns the router's moderator check for m: nil outside a server (a direct
// message has no moderators). The check reads the server's roles from Discord, unless
// the permissions that came with a slash command settle it.
func (a *Adapter) moderator(m member) func(context.Context) (bool, error) {
	if m.guildID == "" || m.userID == "" {
		return nil
	}
	return func(ctx context.Context) (bool, error) {
		if m.perms != nil && (*m.perms&moderatorPerms != 0 || len(a.cfg.ModeratorRoles) == 0) {
			return *m.perms&moderatorPerms != 0, nil
		}
		ctx, cancel := context.WithTimeout(ctx, moderatorTimeout)
		defer cancel()
		var g guildInfo
		if err := a.rest.do(ctx, "GET", "/guilds/"+url.PathEscape(m.guildID), nil, &g); err != nil {
			return false, fmt.Errorf("read the roles of server %s: %w", m.guildID, err)
		}
		return moderates(g, m, a.cfg.ModeratorRoles), nil
	}
}
