/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Just enough JSON for QMP replies: find a member of an object, walk an
 * array, copy a plain string. Values are skipped without recursion and
 * with a nesting cap, every access is bounded by the span, and anything
 * unexpected is an error rather than a guess. Not a validator: it trusts
 * the structure only as far as it needs to find members.
 */
#include "launch_priv.h"

#include <errno.h>
#include <string.h>

#define JSON_MAX_DEPTH 32

static size_t skip_ws(struct json_span s, size_t i)
{
	while (i < s.len && strchr(" \t\r\n", s.p[i]) && s.p[i])
		i++;
	return i;
}

/* End (one past the closing quote) of the string starting at @i. */
static int string_end(struct json_span s, size_t i, size_t *end)
{
	for (i++; i < s.len; i++) {
		if (s.p[i] == '\\') {
			i++;
			continue;
		}
		if (s.p[i] == '"') {
			*end = i + 1;
			return 0;
		}
	}
	return -EINVAL;
}

/* End of a literal (number, true, false, null) starting at @i. */
static size_t literal_end(struct json_span s, size_t i)
{
	while (i < s.len && s.p[i] && !strchr(",:]} \t\r\n", s.p[i]))
		i++;
	return i;
}

/* End of the value starting at @i; an empty value is malformed. */
static int value_end(struct json_span s, size_t i, size_t *end)
{
	unsigned int depth = 0;
	int rc;

	if (i >= s.len)
		return -EINVAL;
	if (s.p[i] != '{' && s.p[i] != '[' && s.p[i] != '"') {
		*end = literal_end(s, i);
		return *end > i ? 0 : -EINVAL;
	}
	while (i < s.len) {
		if (s.p[i] == '"') {
			rc = string_end(s, i, &i);
			if (rc)
				return rc;
		} else {
			if (s.p[i] == '{' || s.p[i] == '[')
				depth++;
			else if (s.p[i] == '}' || s.p[i] == ']')
				depth--; /* > 0: the first character opened */
			i++;
		}
		if (depth == 0) {
			*end = i;
			return 0;
		}
		if (depth > JSON_MAX_DEPTH)
			return -E2BIG;
	}
	return -EINVAL;
}

/*
 * Parses the member at *@i of an object: its key (compared with @key,
 * length @klen) and value. Leaves *@i after the value.
 */
static int member_at(struct json_span obj, size_t *i, const char *key,
		     bool *match, struct json_span *val)
{
	size_t kend, vend, klen = strlen(key);
	size_t k = *i;
	int rc;

	if (k >= obj.len || obj.p[k] != '"' || string_end(obj, k, &kend))
		return -EINVAL;
	*match = kend - k - 2 == klen && !memcmp(obj.p + k + 1, key, klen);
	k = skip_ws(obj, kend);
	if (k >= obj.len || obj.p[k] != ':')
		return -EINVAL;
	k = skip_ws(obj, k + 1);
	rc = value_end(obj, k, &vend);
	if (rc)
		return rc;
	val->p = obj.p + k;
	val->len = vend - k;
	*i = skip_ws(obj, vend);
	return 0;
}

int json_member(struct json_span obj, const char *key, struct json_span *val)
{
	size_t i = skip_ws(obj, 0);
	bool match;
	int rc;

	if (i >= obj.len || obj.p[i] != '{')
		return -EINVAL;
	i = skip_ws(obj, i + 1);
	if (i < obj.len && obj.p[i] == '}')
		return -ENOENT;
	while (i < obj.len) {
		rc = member_at(obj, &i, key, &match, val);
		if (rc)
			return rc;
		if (match)
			return 0;
		if (i < obj.len && obj.p[i] == '}')
			return -ENOENT;
		if (i >= obj.len || obj.p[i] != ',')
			return -EINVAL;
		i = skip_ws(obj, i + 1);
	}
	return -EINVAL;
}

int json_array_next(struct json_span arr, size_t *pos, struct json_span *el)
{
	size_t i = skip_ws(arr, *pos), end;
	int rc;

	if (i >= arr.len)
		return -EINVAL;
	if (*pos == 0) {
		if (arr.p[i] != '[')
			return -EINVAL;
		i = skip_ws(arr, i + 1);
		if (i < arr.len && arr.p[i] == ']')
			return -ENOENT;
	} else {
		if (arr.p[i] == ']')
			return -ENOENT;
		if (arr.p[i] != ',')
			return -EINVAL;
		i = skip_ws(arr, i + 1);
	}
	rc = value_end(arr, i, &end);
	if (rc)
		return rc;
	el->p = arr.p + i;
	el->len = end - i;
	*pos = end;
	return 0;
}

int json_string(struct json_span v, char *out, size_t outlen)
{
	size_t i, n = 0;

	if (v.len < 2 || v.p[0] != '"' || v.p[v.len - 1] != '"' || !outlen)
		return -EINVAL;
	for (i = 1; i < v.len - 1; i++) {
		char ch = v.p[i];

		if (ch == '\\') {
			ch = v.p[++i];
			if (i >= v.len - 1 || !strchr("\"\\/", ch) || !ch)
				return -EINVAL;
		} else if ((unsigned char)ch < 0x20) {
			return -EINVAL;
		}
		if (n + 1 >= outlen)
			return -ENAMETOOLONG;
		out[n++] = ch;
	}
	out[n] = '\0';
	return 0;
}
