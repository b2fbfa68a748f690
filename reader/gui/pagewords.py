"""The words the Qt-free core puts on a page, translated: the core takes them as values.

The renderer (reader.page.render) and the recommenders (reader.find) never import Qt, so the
window hands them a :class:`PageText` and :class:`Reasons` filled in here, in the interface
language; a new language means asking again.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QObject

from reader.find.recommend import Reasons
from reader.page.render import PageText


class PageWords(QObject):
    """Translate the core's words (the translation context of these strings)."""

    def page_text(self) -> PageText:
        """The words of a rendered page, in the interface language."""
        locale = QLocale()

        def format_date(day: object) -> str:
            qdate = QDate(day.year, day.month, day.day)  # type: ignore[attr-defined]
            return locale.toString(qdate, QLocale.FormatType.LongFormat).split(", ", 1)[-1]

        return PageText(
            # Around an article.
            previous=self.tr("‹ Previous: {title}"),
            next=self.tr("Next: {title} ›"),
            recommended=self.tr("Recommended"),
            on_this_page=self.tr("On this page"),
            sources=self.tr("Sources"),
            image=self.tr("image"),
            too_long=self.tr("This article is very long; only the first part is shown."),
            unreadable=self.tr("This page could not be read from the archive: {reason}"),
            # Reviews and dates.
            reviewed=self.tr("Reviewed {date}"),
            reviewed_by=self.tr("Reviewed {date} by {name}"),
            next_review=self.tr("Next review due {date}"),
            review_due_today=self.tr("Next review due today"),
            review_overdue=self.tr("Review overdue since {date}"),
            updated=self.tr("Updated {date}"),
            not_reviewed=self.tr("Not yet reviewed by a clinician"),
            published=self.tr("Published {date}"),
            accessed=self.tr("Accessed {date}"),
            # Call-out boxes and the footer.
            emergency_heading=self.tr("Emergency: call {number} now"),
            urgent_heading=self.tr("Urgent: get medical advice today"),
            routine_heading=self.tr("See a doctor: make an appointment"),
            local_number=self.tr("your local emergency number"),
            report_problem=self.tr("Report a problem with this page: {contact}"),
            # The home page.
            start_here=self.tr("Start here"),
            browse=self.tr("Browse by topic"),
            recently_reviewed=self.tr("Recently reviewed"),
            recently_updated=self.tr("Recently updated"),
            important=self.tr("Important"),
            a_to_z=self.tr("All articles A–Z"),
            common_searches=self.tr("Common searches"),
            # The longer sentences.
            notice=self.tr(
                "General information, not medical advice. In an emergency call {number}."
            ),
            not_displayed=self.tr(
                "This article could not be displayed with its formatting, so it is shown as "
                "plain text."
            ),
            stale=self.tr(
                "This article was last reviewed on {date}. Some details may have changed — "
                "check with a health professional."
            ),
            format_date=format_date,
            count_minutes=lambda n: self.tr("%n min read", "", n),
            count_articles=lambda n: self.tr("%n article(s)", "", n),
        )

    def reasons(self) -> Reasons:
        """The reasons shown beside a recommendation, in the interface language."""
        return Reasons(
            editors=self.tr("Suggested by the editors"),
            also_about=self.tr("Also about: {topics}"),
            same_category=self.tr("More in {category}"),
        )
