package telegramtest

import "strings"

// Text is an update with a private text message from chat. Commands get a
// bot_command entity, as Telegram sends them.
func Text(chat int64, text string) map[string]any {
	return map[string]any{"message": message(chat, "private", text)}
}

// GroupText is an update with a text message in a group.
func GroupText(group, from int64, text string) map[string]any {
	m := message(group, "group", text)
	m["from"] = map[string]any{"id": from, "is_bot": false, "first_name": "Member"}
	return map[string]any{"message": m}
}

// ReplyToBot is a group message that replies to one of the bot's messages.
func ReplyToBot(group, from int64, text string) map[string]any {
	u := GroupText(group, from, text)
	u["message"].(map[string]any)["reply_to_message"] = map[string]any{"message_id": 1, "date": 0,
		"chat": map[string]any{"id": group, "type": "group"}, "from": Bot, "text": "earlier answer"}
	return u
}

// Photo is an update with a photo and no text.
func Photo(chat int64) map[string]any {
	m := message(chat, "private", "")
	delete(m, "text")
	m["photo"] = []map[string]any{{"file_id": "f1", "file_unique_id": "u1", "width": 90, "height": 90}}
	return map[string]any{"message": m}
}

// PhotoSizes is an update with a photo in three sizes, the largest with
// file_id largest, and caption (none when "").
func PhotoSizes(chat int64, largest, caption string) map[string]any {
	m := message(chat, "private", "")
	delete(m, "text")
	m["photo"] = []map[string]any{
		{"file_id": largest + "-s", "file_unique_id": "us", "width": 90, "height": 67, "file_size": 1200},
		{"file_id": largest, "file_unique_id": "ul", "width": 1280, "height": 960, "file_size": 98000},
		{"file_id": largest + "-m", "file_unique_id": "um", "width": 320, "height": 240, "file_size": 14000},
	}
	if caption != "" {
		m["caption"] = caption
	}
	return map[string]any{"message": m}
}

// Document is an update with a file sent as a document.
func Document(chat int64, fileID, name, mime string, size int) map[string]any {
	m := message(chat, "private", "")
	delete(m, "text")
	m["document"] = map[string]any{"file_id": fileID, "file_unique_id": "u" + fileID, "file_name": name, "mime_type": mime, "file_size": size}
	return map[string]any{"message": m}
}

// Contact is an update in which chat's user shares a contact: phone, of
// Telegram user owner (the sender's own number when owner is chat, as the
// request_contact button sends it; 0 for a contact with no Telegram
// account).
func Contact(chat, owner int64, phone string) map[string]any {
	m := message(chat, "private", "")
	delete(m, "text")
	c := map[string]any{"phone_number": phone, "first_name": "Sam"}
	if owner != 0 {
		c["user_id"] = owner
	}
	m["contact"] = c
	return map[string]any{"message": m}
}

// Sticker is an update with a sticker.
func Sticker(chat int64) map[string]any {
	m := message(chat, "private", "")
	delete(m, "text")
	m["sticker"] = map[string]any{"file_id": "s1", "file_unique_id": "su1", "width": 512, "height": 512, "is_animated": false}
	return map[string]any{"message": m}
}

// Edited is an update with an edited message.
func Edited(chat int64, text string) map[string]any {
	return map[string]any{"edited_message": message(chat, "private", text)}
}

// ChannelPost is an update with a post in a channel.
func ChannelPost(channel int64, text string) map[string]any {
	return map[string]any{"channel_post": message(channel, "channel", text)}
}

// FromBot is a message sent by another bot.
func FromBot(chat int64, text string) map[string]any {
	m := message(chat, "private", text)
	m["from"] = map[string]any{"id": 12345, "is_bot": true, "first_name": "OtherBot"}
	return map[string]any{"message": m}
}

// Callback is a button press with data, on a message in chat.
func Callback(chat int64, id, data string) map[string]any {
	return map[string]any{"callback_query": map[string]any{
		"id": id, "from": map[string]any{"id": chat, "is_bot": false, "first_name": "Patient"},
		"message":       map[string]any{"message_id": 7, "date": 0, "chat": map[string]any{"id": chat, "type": "private"}, "text": "Did you mean:"},
		"chat_instance": "ci", "data": data,
	}}
}

func message(chat int64, kind, text string) map[string]any {
	m := map[string]any{"message_id": 1, "date": 0, "text": text,
		"chat": map[string]any{"id": chat, "type": kind},
		"from": map[string]any{"id": chat, "is_bot": false, "first_name": "Patient"}}
	if strings.HasPrefix(text, "/") {
		cmd, _, _ := strings.Cut(text, " ")
		m["entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": len(cmd)}}
	}
	return m
}

// Blocked is the update Telegram sends when the person of private chat
// blocks the bot: my_chat_member with the bot's new status "kicked".
func Blocked(chat int64) map[string]any {
	return chatMember(chat, "private", "member", "kicked")
}

// Unblocked is the update Telegram sends when the person of private chat
// unblocks (or restarts) the bot: the bot's new status "member".
func Unblocked(chat int64) map[string]any {
	return chatMember(chat, "private", "kicked", "member")
}

// RemovedFromGroup is the bot removed from a group by member from: a
// my_chat_member update outside a private chat.
func RemovedFromGroup(group, from int64) map[string]any {
	u := chatMember(group, "group", "member", "left")
	u["my_chat_member"].(map[string]any)["from"] = map[string]any{"id": from, "is_bot": false, "first_name": "Member"}
	return u
}

func chatMember(chat int64, kind, was, is string) map[string]any {
	return map[string]any{"my_chat_member": map[string]any{
		"chat":            map[string]any{"id": chat, "type": kind},
		"from":            map[string]any{"id": chat, "is_bot": false, "first_name": "Patient"},
		"date":            0,
		"old_chat_member": map[string]any{"user": Bot, "status": was},
		"new_chat_member": map[string]any{"user": Bot, "status": is},
	}}
}
