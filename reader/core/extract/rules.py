"""Patterns and selectors as data: what counts as boilerplate, bylines, credits, dates.

Kept apart from the code that applies them so that a rule can be reviewed (and tested)
on its own. Rules must be general: each one names a pattern seen across many sites.
"""

from __future__ import annotations

import re

# Meta names that carry dates and authors, most specific first.
PUBLISHED_META: tuple[str, ...] = (
    "article:published_time", "og:article:published_time", "datepublished",
    "article.published", "published_time", "publish-date", "publish_date", "publishdate",
    "pubdate", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
    "citation_publication_date", "citation_date", "parsely-pub-date", "sailthru.date",
    "article_date_original", "cxenseparse:recs:publishtime", "original-publish-date",
    "publication_date", "release_date", "created", "og:published_time", "published",
)  # fmt: skip
MODIFIED_META: tuple[str, ...] = (
    "article:modified_time", "og:updated_time", "datemodified", "last-modified",
    "dcterms.modified", "modified", "updated", "revised",
)  # fmt: skip
# Written-by labels in twitter:labelN / twitter:dataN pairs (SEO plugins write them).
BYLINE_META_LABEL = re.compile(r"^(?:written|posted|published)\s+by$|^authors?$", re.IGNORECASE)
# twitter:creator is not among them: it names the account that shared the page, most
# often the site's own.
AUTHOR_META: tuple[str, ...] = (
    "author", "article:author", "dc.creator", "citation_author", "parsely-author",
    "sailthru.author", "byl", "dcterms.creator", "cxenseparse:author",
)  # fmt: skip

# Page furniture whose dates and names are not the article's (navigation, comments,
# related-article lists, menus): read past when looking for the dateline and the byline.
# A class or id matches when one of its names begins with one of these words
# ("comments-area", "sidebar-left", "menu-item") or, for the words that never name a
# layout, ends with one ("post-related"); "has-sidebar", "under-menu",
# "layout-sidebar-left" or "type-newsletter-article" do not match. A <footer> inside an
# <article> holds the article's own byline and dates, so only page footers are furniture.
FURNITURE_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form",
     "select", "button", "textarea", "iframe"}
)  # fmt: skip
# Other people's content: comment threads and lists of other articles. Bylines marked up
# as such (rel=author, class "byline") are read everywhere else, asides and navigation
# included: pages put the article's own byline there too.
_OTHER_CONTENT_WORDS = r"(?:comments?|related|recommended|popular|trending)"
_FURNITURE_WORDS = (
    r"(?:" + _OTHER_CONTENT_WORDS[3:-1] + r"|newsletter|breadcrumbs?|share|sharing|promo|"
    r"dropdown)"
)
_LAYOUT_WORDS = r"(?:sidebar|menu|upcoming|calendar|events?)"


def _class_words(ending: str, starting: str) -> re.Pattern[str]:
    return re.compile(
        r"(?:^|\s)(?:" + starting + r")(?:[-_][\w-]*)?(?=\s|$)|[-_]" + ending + r"(?=\s|$)",
        re.IGNORECASE,
    )


FURNITURE_CLASS = _class_words(_FURNITURE_WORDS, _FURNITURE_WORDS + "|" + _LAYOUT_WORDS)
NAVIGATION_TAGS = frozenset({"nav"})
NAVIGATION_CLASS = _class_words(
    r"(?:menu|dropdown|breadcrumbs?)", r"(?:menu|dropdown|breadcrumbs?)"
)
OTHER_CONTENT_TAGS = frozenset({"form"})
OTHER_CONTENT_CLASS = _class_words(_OTHER_CONTENT_WORDS, _OTHER_CONTENT_WORDS)

# Elements whose text is a byline: ``rel`` or ``itemprop`` "author", a class containing
# one of these (case as written), the class "author" alone, or "byline" in the id or the
# test id. Matched in Python in one walk over the page: the same test as one XPath
# expression with twelve predicates costs about three times as much.
BYLINE_CLASS = re.compile(
    r"byline|author-name|author_name|authorName|post-author|entry-author|article-author"
)
BYLINE_ID_PART = "byline"

# Agency sign-offs at the end of wire stories: "ipj/dj (AP, Reuters, AFP)", "(Reuters)".
SIGN_OFF = re.compile(
    r"^(?:[a-z]{1,5}(?:/[a-z]{1,5})+\s*(?:\([^)]{1,80}\))?|\((?:AP|AFP|Reuters|dpa|KNA|epd|"
    r"EFE|ANSA|Kyodo|Xinhua|Lusa|UPI|IANS|PTI|DW)(?:,\s*[\w .-]{1,20})*\))$"
)
AGENCIES = re.compile(r"\(([^)]+)\)")

# Image credits: "Image: AFP/Getty Images", "Photo: Reuters", "(Photo by X/Getty)".
CREDIT_LABEL = (
    r"(?:Image|Images|Photo|Photos|Photograph|Picture|Foto|Bild|Credit|Credits|Source|Quelle)"
)
CREDIT_TAIL = re.compile(
    r"(?:\s*[|–—-]\s*|\s*|(?<=[a-z.)]))"
    + CREDIT_LABEL
    + r"\s*(?:credit)?\s*:\s*(?P<credit>[^\n]{2,120})$"
)
CREDIT_LINE = re.compile(
    r"^(?:\(?\s*(?:" + CREDIT_LABEL + r"|Photo by|Image by|Photograph by|Illustration by)\s*[:]?\s*"
    r"(?P<credit>[^\n]{2,120}?)\)?)$",
    re.IGNORECASE,
)
COPYRIGHT_CREDIT = re.compile(r"^(?:©|\(c\)|copyright)\s*\S.{0,100}$", re.IGNORECASE)

# Whole lines that are navigation, sharing or page furniture in text dumps and blocks.
_SOCIAL = (
    r"(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|telegram|x|e-?mail|print|"
    r"copy link|tweet|share|google\+|tumblr|flipboard|messenger|sms)"
)
BOILERPLATE_PATTERNS: tuple[str, ...] = (
    r"skip to\b.*", r"jump to\b.*", r"share(?: this| on| via| article| story)?\b.{0,40}",
    r"print(?: this)?(?: article| page)?", r"e-?mail(?: this)?(?: article| page)?",
    r"click to (?:share|email|print|tweet)\b.{0,60}",
    r"subscribe\b.{0,60}", r"sign up\b.{0,80}", r"sign in", r"log ?in", r"log ?out", r"register",
    r"follow us\b.{0,60}", r"advertisement(?:\s*[-–—:|]\s*.{0,40})?", r"advertising",
    r"sponsored(?: content)?", r"advert", r"(?:story|article) continues below",
    r"read more\b.{0,80}", r"continue reading\b.{0,80}", r"more on this topic",
    r"related(?: (?:articles|stories|content|topics|posts|news|links|reading|videos?))?",
    r"you (?:may|might) also like\b.{0,40}", r"don'?t miss", r"recommended(?: for you)?",
    r"most (?:read|popular|viewed|shared)"
    r"(?: (?:in|on|from) .{0,30}| (?:stories|articles|posts|news))?",
    r"popular (?:articles|posts|stories)", r"(?:next up|up next)(?: in .{0,40})?",
    r"(?:explore|read) further", r"want more (?:stories|articles|news)\b.{0,20}",
    # Call-to-action buttons of product and service pages.
    r"start (?:your |a )?free trial", r"(?:book|request|schedule) a (?:free )?demo",
    r"buy (?:it )?(?:now|on amazon)", r"shop now", r"read (?:the )?full review",
    r"get started (?:for free|now|today)", r"try (?:it )?(?:for )?free",
    # Gallery counters ("3 of 12").
    r"\d{1,3} of \d{1,3}",
    r"(?:view|see) all(?: \w+){0,3}(?: \(\d+\))?",
    r"(?:back to|return to) (?:top|gallery|home(?: ?page)?|blog|(?:all )?(?:articles|posts|news))",
    # Rating and feedback widgets.
    r"how useful was this (?:post|article|page)\??", r"click on a star to rate it",
    r"(?:was|is) this (?:page|article|post|answer) (?:helpful|useful)\??",
    r"rate this (?:article|post|page|story|recipe)", r"thanks? (?:you )?for (?:your )?"
    r"(?:signing up|subscribing|feedback|rating|voting)",
    # Embeds and players: "View this post on Instagram", "Open in a new tab".
    r"view this (?:post|photo|video) on \w+", r"open in (?:a )?new (?:tab|window)",
    r"play video", r"(?:written|posted) by", r"reply", r"search for", r"no items found",
    r"(?:reading|read) time\s*:?.{0,20}", r"(?:tempo|tiempo|temps) de (?:leitura|lectura|lecture)"
    r"\s*:?.{0,20}", r"lesezeit\s*:?.{0,20}",
    r"(?:all )?rights reserved.{0,60}", r"copyright\b.{0,100}", r"©.{0,100}",
    r"cookie (?:policy|settings|preferences)", r"accept(?: all)?(?: cookies)?",
    r"privacy policy", r"terms of (?:use|service)",
    # Share bars: the buttons' labels one after the other, with or without separators.
    _SOCIAL + r"(?:\s*[|,/·•]?\s*" + _SOCIAL + r")*",
    # Share widgets' confirmations ("Copy Link URL Copied!", "The link has been copied").
    r"(?:copy (?:link|url)\b.{0,30}|(?:(?:the )?(?:link|url) (?:has been |was )?)?copied"
    r"(?: to (?:the |your )?clipboard)?)",
    r"tags?(?::.{0,200})?", r"topics?:.{0,200}", r"filed under:?.{0,200}",
    r"(?:next|previous) (?:article|story|post)\b.{0,120}", r"(?:send|give) (?:us )?feedback",
    r"comments?(?: \(\d+\))?", r"\d+ comments?", r"leave a (?:comment|reply)",
    r"listen to (?:this )?(?:article|story).{0,40}", r"\d+ min(?:ute)?s? read",
    r"menu", r"search", r"home", r"close", r"(?:table of )?contents", r"table of content",
    r"in this article",
    r"on this page", r"learn more", r"show more", r"see more",
)  # fmt: skip
BOILERPLATE_LINE = re.compile("^(?:" + "|".join(BOILERPLATE_PATTERNS) + ")$", re.IGNORECASE)

# Cookie notices and consent banners, and the cookie tables of their settings dialogs.
# Searched in blocks of a few sentences only: articles about tracking name cookies too,
# but not in these phrasings ("we use cookies", "this website uses cookies", "by
# clicking Accept, you consent to the use of cookies", "This cookie is set by ...").
COOKIE_NOTICE = re.compile(
    r"\b(?:we|(?:this|our|the) (?:web)?site|this (?:web )?page) (?:also )?uses? cookies\b"
    r"|\bcookies? (?:is|are) (?:set|used) by\b"
    r"|\b(?:necessary|essential|functional|performance|analytics?|advertisement|marketing|"
    r"strictly necessary) cookies (?:are|help|is|ensure|enable)\b"
    r"|^cookie (?:policy|notice|consent|settings)\b",
    re.IGNORECASE,
)
# What a banner asks of its reader. News about cookie rules uses the same words of others
# ("sites must ask users to consent to cookies", "disabling cookies breaks some sites"), so
# these count only in a block that addresses its reader.
COOKIE_CONSENT = re.compile(
    r"\b(?:accept|agree to|consent to)\b.{0,40}\bcookies\b"
    r"|\buse of cookies\b.{0,80}\b(?:agree|consent|accept)"
    r"|\b(?:disabling|opting out of|blocking) (?:certain |some |these )?cookies\b"
    r"|\b(?:data|information) and cookies\b",
    re.IGNORECASE,
)
_ADDRESSES_READER = re.compile(r"\b(?:you|your|we|our|us)\b", re.IGNORECASE)


def is_cookie_notice(text: str) -> bool:
    """Whether ``text`` is a cookie banner's or cookie table's."""
    return bool(
        COOKIE_NOTICE.search(text)
        or (COOKIE_CONSENT.search(text) and _ADDRESSES_READER.search(text))
    )


# Entries of category, tag and archive widgets: a name and its count of posts
# ("Uncategorized (12)", "November (113)"), one a line or run together in one line. A
# year in brackets is not a count: lists of films and books give theirs ("Heat (1995)").
_COUNT = r"\((?!(?:19|20)\d\d\))\d{1,6}\)\s*"
# Nor is a count after rating stars: lists of courses or products give their reviews.
COUNTED_ENTRY = re.compile(r"^(?:\W{0,2}[^\W\d][^()★☆]{0,40}" + _COUNT + r")+$")
COUNTED_ENTRIES = re.compile(r"^(?:\W{0,2}[^()★☆]{1,40}" + _COUNT + r"){3,}$")

# Calls to action and contact lines that close an article: newsletter and follow boxes,
# "Have a tip?", "Like this story? Share it". Matched (searched) only near the end of an
# article and on short blocks, since the same words occur in articles about newsletters.
CALL_TO_ACTION = re.compile(
    r"\b(?:subscribe|sign up|join|follow)\b.{0,40}\b(?:our|my)\s+(?:\w+\s+)?"
    r"(?:newsletters?|blog|channel|podcast|mailing list|community)\b"
    r"|\bfollow (?:us|me|him|her|them)\b.{0,20}\b(?:on|at)\b|\bfollow @\w"
    r"|^(?:click|tap) here to (?:subscribe|sign up|join|follow)"
    r"|\bhave a (?:news )?tip\b|\b(?:may|can) be reached at\b"
    r"|(?:^|[.!?]\s)(?:if you )?(?:like|liked|enjoyed|enjoy) this (?:story|article|post|piece)\b"
    r"|\bshare (?:it|this) with (?:a|your) friends?\b"
    r"|^thanks? (?:you )?for (?:reading|visiting|subscribing)\b.{0,40}$"
    r"|\b(?:delivered|sent)\b.{0,20}\bto your inbox\b"
    r"|\bget the latest\b.{0,60}\b(?:inbox|newsletter)"
    # The rest of a sign-up box: its heading, its buttons and its confirmations.
    r"|^stay (?:up to date|updated|in touch|informed|connected)\b[^:]{0,60}$"
    r"|^no,? thanks\b|\b(?:successfully|succesfully) (?:subscribed|signed up)\b"
    r"|^(?:please,? )?fill (?:in |out )?the form to (?:subscribe|sign up)",
    re.IGNORECASE,
)
# Pointers to other articles set inside the text ("Related: How to ...", "See also: ...",
# "Also read: ..."): links to other pages, not part of this one. Matched on short blocks.
CROSS_REFERENCE = re.compile(
    r"^(?:related|see also|read also|also read|read next|recommended|suggested)"
    r"(?: (?:reading|articles?|posts?|stor(?:y|ies)|content))?\s*:\s*\S",
    re.IGNORECASE,
)
# Affiliate and advertiser disclosures ("This post contains affiliate links", "we may earn a
# commission"): notices about the site's business, not the article. Matched (searched) on
# blocks of a few sentences only, since articles about affiliate marketing use the words.
AFFILIATE_DISCLOSURE = re.compile(
    r"\b(?:contains?|includes?|uses?|may contain|features?) (?:some )?"
    r"(?:affiliate|commissionable|sponsored) links\b"
    r"|\b(?:may|might|could|will) (?:earn|receive|get|make) (?:a |an )?(?:small |affiliate )?"
    r"(?:commission|compensation)"
    r"|^advertiser disclosure$|\bas an amazon (?:associate|affiliate)\b"
    r"|\bthrough (?:our|these|the) links,? (?:we|i) (?:may )?earn\b",
    re.IGNORECASE,
)
# The consent line of a sign-up form ("By signing up, you agree to receive ...").
FORM_CONSENT = re.compile(
    r"^by (?:signing up|subscribing|clicking|submitting|registering|entering|providing|tapping|"
    r"continuing)\b.{0,80}?\byou(?:'re| are)? (?:agree|consent|acknowledge|accept)",
    re.IGNORECASE,
)
# Boxes under a headline whose long texts are not the article's lead: captions and credits,
# galleries, video players and transcripts, author boxes, promotions and sign-up boxes,
# disclosures (matched in class and id names).
NOT_LEAD_CLASS = re.compile(
    r"caption|credit|photo|image|gallery|media|video|transcript|slide|figure|author|\bbio|"
    r"promo|banner|newsletter|subscribe|disclos|disclaim",
    re.IGNORECASE,
)
# Contributor credits at the end of news stories: credits, not text.
CONTRIBUTOR_CREDIT = re.compile(
    r"^\(?(?:additional )?reporting by\b|\bcontributed (?:to )?this (?:report|story|article)\b",
    re.IGNORECASE,
)

# Images that are page furniture, matched against the location and the class.
SKIPPED_IMAGE = re.compile(
    r"logo|icon|avatar|sprite|pixel|badge|emoji|spinner|placeholder|blank\.gif|spacer|"
    r"gravatar|/ads?/|doubleclick|facebook\.com/tr|\.svg(?:$|\?)",
    re.IGNORECASE,
)

# Links to an author's page (matched in the ``href``): their text is the author's name.
AUTHOR_LINK_HREF = re.compile(
    r"/(?:authors?|writers?|byline|contributors?|staff|people|profile|team|producers|"
    r"experts|columnists)/"
)

# Any element whose class names an author ("dateAndAuthorContainer", "authors-data"):
# tried last, on short texts only, since author boxes and bios match too.
AUTHOR_CLASS = re.compile(r"[aA]uthor")
AUTHOR_CLASS_SKIPPED_TAGS = frozenset({"a", "img", "script"})
