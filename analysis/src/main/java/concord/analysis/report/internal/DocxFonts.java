package concord.analysis.report.internal;

/**
 * The font names Concord's Word documents ask for. Word and LibreOffice pick the East-Asian font for
 * CJK characters ({@code w:rFonts w:eastAsia}) and the Latin one for the rest; a reader without the
 * named font gets the application's substitute for that script. Change the names here only (the
 * styles resource and every run take them from these constants).
 */
public final class DocxFonts {

    /** Latin, Greek and Cyrillic text (Arial is on Windows and macOS; LibreOffice maps it to Liberation Sans). */
    public static final String LATIN = "Arial";

    /** Chinese, Japanese and Korean text: WenQuanYi Micro Hei (Debian fonts-wqy-microhei, the font the PDF embeds). */
    public static final String EAST_ASIA = "WenQuanYi Micro Hei";

    private DocxFonts() {
    }
}
