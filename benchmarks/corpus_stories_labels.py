"""Hand-labelled same-event groups among PolNeAR train/dev articles, in two separate date windows.

Labelled by reading each article's publisher, date, title and opening lines
(``metadata.tsv`` and the text files): a group is articles reporting the same
news event (a debate, a primary night, one announcement), not the same
topic.  Every article of a window that is in no group is its own event.
Entries are filename suffixes, unique within their window.

- ``TUNE`` (2015-11-08 .. 2016-01-20): for choosing settings.
- ``TEST`` (2016-01-21 .. 2016-03-31): for reporting only; never tuned on.
"""

TUNE_WINDOW = ("2015-11-08", "2016-01-20")
TEST_WINDOW = ("2016-01-21", "2016-03-31")

TUNE = [
    ["ben-carson-defends-himself-again", "carson-on-defense-attacking-crit"],
    ["a-meaningful-exchange-actually-h", "dems-react-to-gop-debate", "watch-the-best-moments-from-the-", "ben-carson-slams-hillary-and-the"],
    ["carnage-renews-debate-over-milit", "terrorism-moves-to-fore-of-u-s-c", "paris-attacks-test-clinton-s-str"],
    ["trump-calls-for-bringing-back-su", "trump-may-not-have-suggested-a-m"],
    ["democrats-call-for-action-while-", "san-bernardino-terror-suspect-na"],
    ["2015-12-12_misinformation-enters-mainstream", "2015-12-13_misinformation-enters-mainstream"],
    ["hillary-clinton-s-claim-that-don", "revealed-what-isis-propaganda-vi", "donald-trump-featured-in-jihadis"],
    ["2015-12-22_as-spotlight-shines-on-trump-and", "2015-12-23_as-spotlight-shines-on-trump-and"],
    ["putin-chides-turkey-and-praises-", "trump-says-praise-from-putin-hel"],
    ["golf-courses-forced-to-reach-int", "with-fewer-golfers-in-u-s-course"],
    ["jeb-bush-super-pac-chief-praises", "rose-bowl-skywriters-blast-trump"],
    ["republicans-reaction-is-that-all", "immediately-after-obama-s-terror"],
    ["carly-fiorina-bill-clinton-s-fai", "trump-turns-attacks-on-another-c"],
    ["cnn-president-on-trump-we-do-not", "cnn-just-responded-to-trump-s-ma"],
    ["benghazi-movie-hours-is-about-to", "ex-cia-chief-in-benghazi-breaks-"],
    ["tuesday-s-morning-email-presiden", "america-the-shiny-or-gloomy-obam"],
    ["conservative-icon-morton-blackwe", "long-time-leaders-of-conservativ"],
]

TEST = [
    # Trump skips the Fox News debate (28 Jan)
    ["super-pac-blasts-trump-for-skipp", "absent-trump-derides-debate-cruz", "trump-made-this-shocking-final-d"],
    # State Department: 22 Clinton emails "top secret" (29 Jan)
    ["state-calls-emails-of-clinton-to", "issa-hillary-clinton-s-honesty-i"],
    # Iowa caucuses (1 Feb): caucus night and results
    [
        "read-live-updates-on-the-iowa-ca",
        "don-t-let-the-media-and-marco-ru",
        "maybe-trump-hasn-t-rewritten-rul",
        "there-s-something-funny-about-hi",
        "huffpollster-a-seismic-shift-amo",
        "polls-miss-trump-s-fall-in-iowa-",
    ],
    # ABC Republican debate in New Hampshire (6 Feb)
    ["after-rubio-stumbles-rivals-see-", "the-latest-gop-debate-kicked-off"],
    # New Hampshire primary (9 Feb)
    ["the-latest-nh-towns-cast-first-v", "new-hampshire-primary-game-on-wh", "barbs-and-pleas-before-n-h-vote", "insurgent-tops-institution-in-sa", "after-a-big-loss-clinton-looks-f"],
    # PBS Democratic debate in Milwaukee (11 Feb)
    ["things-to-watch-in-tonight-s-deb", "fix-is-in-pbs-moderators-ignore-", "these-angry-protesters-are-targe"],
    # Nevada Democratic caucuses (20 Feb)
    ["clinton-tries-to-avoid-setback-i", "the-latest-hillary-clinton-tells"],
    # Super Tuesday (1 Mar)
    ["the-latest-sanders-wins-minnesot", "bernie-sanders-beats-hillary-cli", "no-clear-path-points-to-white-ho", "beneath-clinton-s-wins-signs-of-"],
    # Fox Republican debate in Detroit (3 Mar)
    ["trump-just-responded-to-rubio-s-", "blistering-attacks-upend-trump-s"],
    # One NYT column on a Supreme Court deal, published twice (4-5 Mar)
    ["republicans-have-stake-in-a-deal", "polls-suggest-possibility-of-dea"],
    # CNN/Univision Democratic debate in Miami (9 Mar)
    ["scrappy-debate-signals-long-grin", "hillary-benghazi-victim-mother-a", "bombshell-hillary-photo-from-dur"],
    # CNN Republican debate in Miami (10 Mar)
    ["trump-s-rivals-pull-their-punche", "brooks-rubio-did-well-in-more-ru", "republicans-lower-volume-in-deba"],
    # Primaries of 15 Mar (Ohio, Florida, Missouri, ...)
    [
        "kasich-we-are-going-to-go-all-th",
        "the-latest-kasich-scores-all-del",
        "the-latest-sanders-declares-revo",
        "donald-trump-got-more-votes-in-o",
        "hillary-clinton-wins-missouri-de",
        "clinton-extends-her-lead-despite",
        "voters-turned-out-in-droves-tues",
    ],
    # One NYT article on Sanders' legislative side doors, published twice (15-16 Mar)
    ["sanders-advances-agenda-via-side", "via-legislative-side-doors-sande"],
    # Trump's speech to AIPAC (21 Mar)
    ["rabbis-vow-to-boycott-trump-spee", "clinton-trump-s-view-of-the-worl", "presidential-candidates-promise-"],
]
