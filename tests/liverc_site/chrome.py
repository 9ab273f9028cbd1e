"""The page chrome shared by every LiveRC page: head, navbar, sidebar, footer.

Written to have the same kind of elements as the real pages (doctype, head
with title, meta, CSS and script tags, the navbar and sidebar with relative,
protocol-relative and external links, the loading overlay, the script tags
at the end) in LiveRC's tab-indented PHP layout, so that a parser meets the
same distractors on generated pages as on real ones. The ad and analytics
scripts are shortened stand-ins.
"""

# ruff: noqa: E501  (templates reproduce LiveRC's long lines)

from __future__ import annotations

import re

ASSETS = "//assets.liveracemedia.com"
LIVETIME = "https://www.livetimescoring.com"
CSS_VERSION = "1153"


def _t(n: int) -> str:
    return "\t" * n


def _head(title: str, css: list[str], year: str) -> str:
    """``<head>``: meta tags, title, icons, CSS files, jQuery and stand-in ad script."""
    global_css = "/css/global/global.default.css"
    css_lines = [
        f'\t\t<link rel="stylesheet" type="text/css" media="screen" href="{global_css}?{CSS_VERSION}" />'
    ]
    for i, href in enumerate(css):
        css_lines.append(
            f'{_t(9 if i == 0 else 12)}<link rel="stylesheet" type="text/css" media="screen" '
            f'href="{href}?{CSS_VERSION}" />'
        )
    css_block = "\n".join(css_lines)
    return f"""<html lang="en">

\t<head>
\t\t
\t\t<!-- Document Type -->
\t\t<meta charset="utf-8" />
\t\t<meta http-equiv="Content-Language" content="en-us" />
\t\t<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
\t\t<meta http-equiv="X-UA-Compatible" content="IE=edge" />
\t\t<meta name="format-detection" content="telephone=no" />
\t\t<meta name="viewport" content="width=device-width, initial-scale=1" />
\t\t
\t\t<!-- Page Info -->
\t\t<title>{title}</title>
\t\t<meta name="Copyright" content="2014-{year} LiveRC" />
\t\t<meta name="Description" content="Live and archived results, scoring, and video on LiveRC.com." />
\t\t<meta name="robots" content="index, follow" />
\t\t
\t\t<!-- Thumbnails and Icons -->
\t\t<link rel="icon" type="image/x-ico" href="{ASSETS}/images/static/favicon.png" />
\t\t<link rel="shortcut icon" type="image/x-icon" href="{ASSETS}/images/static/favicon.png" />
\t\t
\t\t<!-- Bootstrap Core CSS -->
\t\t<link href="/vendor/bootstrap/css/bootstrap.min.css" rel="stylesheet" />
\t\t
\t\t<!-- Bootstrap Theme CSS -->
\t\t<link href="/vendor/sb-admin-2/css/sb-admin-2.css" rel="stylesheet" />
\t\t
\t\t<!-- Custom Fonts -->
\t\t<link rel="stylesheet" type="text/css" href="/vendor/font-awesome/css/font-awesome.min.css" />
\t\t<link rel="stylesheet" type="text/css" href="//fonts.googleapis.com/css?family=Open+Sans|Open+Sans+Condensed:300" />
\t\t
\t\t<!-- CSS Files -->
{css_block}
{_t(7)}
\t\t<!-- jQuery -->
\t\t<script src="{ASSETS}/lib/jquery/jquery.min.js"></script>

\t\t<!-- Video.js -->
\t\t<link href="https://vjs.zencdn.net/8.10.0/video-js.css" rel="stylesheet" />

\t\t<!-- Google DFP -->
\t\t<script async="async" src="https://www.googletagservices.com/tag/js/gpt.js"></script>
\t\t<script type="text/javascript">
\t\t\tvar googletag = googletag || {{}};
\t\t\tgoogletag.cmd = googletag.cmd || [];
\t\t\t
\t\t\t// GPT slots (synthetic stand-in)
\t\t\tvar gptAdSlots = [];
\t\t\t
\t\t\tgoogletag.cmd.push(function()
\t\t\t{{
\t\t\t\tvar mapping01 = googletag.sizeMapping().
\t\t\t\t\taddSize([768, 200], [300, 100]). //MD and Up
\t\t\t\t\taddSize([0, 0], [320, 50]). //XS-SM Only
\t\t\t\t\tbuild();
\t\t\t\tgptAdSlots.push(googletag.defineSlot('/00000000/Synthetic_Top_1', [[300, 100], [320, 50]], 'dfp_synth_1').defineSizeMapping(mapping01).addService(googletag.pubads()));
\t\t\t\tgoogletag.pubads().enableSingleRequest();
\t\t\t\tgoogletag.enableServices();
\t\t\t}});
\t\t\t
\t\t\t//reload ads every 2 minutes
\t\t\tsetInterval(function()
\t\t\t{{
\t\t\t\tgoogletag.pubads().refresh(gptAdSlots);
\t\t\t\treturn false;
\t\t\t}}, 120000);
\t\t</script>
\t\t
\t\t<script type="text/javascript">
\t\t\tvar domain = 'liverc.com';
\t\t</script>
\t</head>
"""


_BODY_TOP = """\t
\t<body>
\t\t
\t\t<!-- Google Analytics -->
\t\t<script>
\t\t\twindow.ga = window.ga || function() { (ga.q = ga.q || []).push(arguments); };
\t\t\tga('create', 'UA-0000000-0', 'auto');
\t\t\tga('send', 'pageview');
\t\t</script>
\t\t<script async src="https://www.google-analytics.com/analytics.js"></script>
\t\t
\t\t<div id="fb-root"></div>
\t\t
\t\t<!-- Current User -->
\t\t<pre class="hidden" id="user_profile_data">false</pre>
\t\t
\t\t<!-- Wrapper -->
\t\t<div id="wrapper">
\t\t
\t\t\t<!-- Navigation -->
\t\t\t<nav class="navbar navbar-default navbar-static-top" role="navigation" style="margin-bottom: 0;">
\t\t\t\t<div class="navbar-header fixed">
\t\t\t\t\t<a class="navbar-brand" href="/"><div id="LRC-logo"></div></a>
\t\t\t\t\t
\t\t\t\t\t\t<button type="button" class="navbar-toggle" data-toggle="collapse" data-target=".navbar-collapse">
\t\t\t\t\t\t\t<span class="sr-only">Toggle navigation</span>
\t\t\t\t\t\t\t<span class="icon-bar"></span>
\t\t\t\t\t\t\t<span class="icon-bar"></span>
\t\t\t\t\t\t\t<span class="icon-bar"></span>
\t\t\t\t\t\t</button>
\t\t\t\t\t\t
\t\t\t\t\t\t\t\t\t\t\t\t<ul class="nav navbar-top-links navbar-right">
\t\t\t\t\t\t\t
\t\t\t\t\t\t\t<!--
\t\t\t\t\t\t\t<li class="dropdown">
\t\t\t\t\t\t\t\t<a class="dropdown-toggle" data-toggle="dropdown" href="#"><i class="fa fa-calendar fa-fw"></i><i class="fa fa-caret-down"></i></a>
\t\t\t\t\t\t\t\t<ul class="dropdown-menu dropdown-messages" id="event_calendar">
\t\t\t\t\t\t\t\t\t<li><a href="//live.liverc.com/events/calendar/">Event Coverage Calendar</a></li>
\t\t\t\t\t\t\t\t</ul>
\t\t\t\t\t\t\t</li>
\t\t\t\t\t\t\t-->
\t\t\t\t\t\t\t
\t\t\t\t\t\t\t<li class="dropdown">
\t\t\t\t\t\t\t\t<a class="dropdown-toggle" data-toggle="dropdown" href="#"><i class="fa fa-user fa-fw"></i> <i class="fa fa-caret-down"></i></a>
\t\t\t\t\t\t\t\t<ul class="dropdown-menu dropdown-user">
\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t<li><a href="https://www.liverc.com/signup/" target="_blank"><i class="fa fa-user fa-fw"></i> Register</a></li>
\t\t\t\t\t\t\t\t\t\t<li><a href="#" id="menu_log_in"><i class="fa fa-sign-in fa-fw"></i> Log In</a></li>
\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t</ul>
\t\t\t\t\t\t\t</li>
\t\t\t\t\t\t\t
\t\t\t\t\t\t</ul>
\t\t\t\t\t\t\t\t\t\t\t
\t\t\t\t</div>
\t\t\t\t
\t\t\t\t<div class="navbar-default sidebar" role="navigation">
\t<div class="sidebar-nav navbar-collapse collapse">
\t\t<ul class="nav" id="side-menu">
\t\t\t
\t\t\t<!--
\t\t\t<li class="sidebar-search">
\t\t\t\t<form action="/drivers/" method="get">
\t\t\t\t\t<div class="input-group custom-search-form">
\t\t\t\t\t\t<input type="text" class="form-control" placeholder="Search for Driver...">
\t\t\t\t\t\t<span class="input-group-btn"><button class="btn btn-default" type="submit"><i class="fa fa-search"></i></button></span>
\t\t\t\t\t</div>
\t\t\t\t</form>
\t\t\t</li>
\t\t\t-->

\t\t\t<li>
\t\t\t\t<div style="display: table-cell; width: 1%">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</div>
\t\t\t</li>

\t\t\t\t\t\t<li><a href="//live.liverc.com"><i class="fa fa-road fa-fw"></i> Switch Tracks</a></li>
\t\t\t\t\t\t
"""

_TRACK_MENU = """\t\t\t\t\t\t\t
\t\t\t\t<li><a href="/"><i class="fa fa-dashboard fa-fw"></i> Track Dashboard</a></li>
\t\t\t\t
\t\t\t\t<li><a href="/live/"><i class="fa fa-hourglass fa-fw"></i> Watch Live</a></li>
\t\t\t\t
\t\t\t\t<li><a href="/results/"><i class="fa fa-list-ol fa-fw"></i> Race Results</a></li>
\t\t\t\t
\t\t\t\t<!--<li><a href="/events/"><i class="fa fa-calendar fa-fw"></i> Past Events</a></li>-->
\t\t\t\t\t\t\t\t<li><a href="/practice/"><i class="fa fa-clock-o fa-fw"></i> Practice Times</a></li>
\t\t\t\t
\t\t\t\t<li><a href="/track_map/"><i class="fa fa-globe fa-fw"></i> Live Track Map</a></li>
\t\t\t\t\t\t\t\t<!--
\t\t\t\t<li><a href="/drivers/"><i class="fa fa-male fa-fw"></i> Drivers</a></li>
\t\t\t\t-->
\t\t\t\t\t\t
"""

_SIDEBAR_END = f"""\t\t\t<li><a href="{LIVETIME}" target="_blank"><i class="fa fa-download fa-fw"></i> Get LiveTime</a></li>
\t\t\t
\t\t\t<li><a href="{LIVETIME}/mylaps/" target="_blank"><i class="fa fa-shopping-cart fa-fw"></i> Buy Transponders</a></li>
\t\t\t
\t\t</ul>
\t\t
\t\t<!-- Powered By LiveTime -->
\t\t<a href="{LIVETIME}" target="_blank">
\t\t\t<div id="powered_by_livetime">
\t\t\t\t<div class="txt">Data Powered By</div>
\t\t\t\t<div class="logo"><img src="{ASSETS}/images/logos/livetime_powered_by.png"></div>
\t\t\t</div>
\t\t</a>
\t</div>
\t
\t</div>
"""

_QUICK = '<li><a style="padding-top:5px; padding-bottom:0px" href="{href}"><i style="font-size:1.75em" class="fa {icon} fa-fw"></i><div style="font-size:0.85em">{text}</div></a></li>'

_QUICKLINKS = (
    ("//live.liverc.com", "fa-road", "Tracks"),
    ("/", "fa-dashboard", "Dashboard"),
    ("/live/", "fa-hourglass", "Live"),
    ("/results/", "fa-list-ol", "Results"),
    ("/practice/", "fa-clock-o", "Practice"),
    ("/track_map/", "fa-globe", "Track Map"),
)


def _quicklinks() -> str:
    items = "\n".join(_t(7) + _QUICK.format(href=h, icon=i, text=t) for h, i, t in _QUICKLINKS)
    return (
        f'\t\t\t\t\n{_t(9)}<!--<div class="navbar-quicklinks hidden-sm hidden-md hidden-lg hidden-xl">-->\n'
        f'\t\t\t\t\t<div class="navbar-quicklinks">\n\t\t\t\t\t\t<ul class="list-inline">\n'
        f"{items}\n{_t(13)}</ul>\n\t\t\t\t\t</div>\n{_t(8)}\n"
    )


def _footer(js: list[str], fly_in: bool) -> str:
    """Overlay, fly-in box and the script tags at the end of ``<body>``."""
    page_js = "\n".join(
        f'{_t(5)}<script type="text/javascript" src="{src}?{CSS_VERSION}"></script>' for src in js
    )
    return f"""\t\t\t\t
\t\t\t</div>
\t\t\t<!-- /#page-wrapper -->
\t\t\t
\t\t</div>
\t\t<!-- /#wrapper -->

\t\t\t\t
\t\t<!-- Modals -->
\t\t<div id="modals"></div>
\t\t
\t\t<!-- Loading interface screen -->
\t\t<div id="loading_overlay">
\t\t\t<div id="user_status_modal" class="modal show" role="dialog">
\t\t\t\t<div class="vertical-alignment-helper">
\t\t\t\t\t<div class="modal-dialog vertical-align-center">
\t\t\t\t\t\t<div class="modal-content">
\t\t\t\t\t\t\t<div class="modal-body text-center">
\t\t\t\t\t\t\t\t<p><img src="{ASSETS}/images/logos/liveracemedia_primary_logo.png" width="250" /></p>
\t\t\t\t\t\t\t\t<p><img src="{ASSETS}/images/static/loading.svg" width="75" /></p>
\t\t\t\t\t\t\t\t<p><strong>LOADING INTERFACE...</strong></p>
\t\t\t\t\t\t\t</div>
\t\t\t\t\t\t</div>
\t\t\t\t\t</div>
\t\t\t\t</div>
\t\t\t</div>
\t\t</div>
\t\t
\t\t<!-- Loading interface screen -->
\t\t<div id="fly_in_bg"></div>
\t\t<div id="fly_in">
\t\t\t<div class="content">
\t\t\t\t<div class="close_fly_in">close X</div>
\t\t\t\t<div class="ad"></div>
\t\t\t</div>
\t\t</div>
\t\t
\t\t<!-- JavaScript Files -->
\t\t<script src="/js/global/global.default.min.js?{CSS_VERSION}"></script>
\t\t<script src="/js/global/global.content_page.min.js?{CSS_VERSION}"></script>
\t\t<script src="/js/user/user.default.min.js?{CSS_VERSION}"></script>
\t\t<script src="/vendor/js-cookie/js-cookie.js?{CSS_VERSION}"></script>
\t\t
{page_js}
\t\t\t\t
\t\t<!-- Bootstrap Core JavaScript -->
\t\t<script src="/vendor/bootstrap/js/bootstrap.min.js"></script>
\t\t
\t\t<!-- Metis Menu Plugin JavaScript -->
\t\t<script src="/vendor/metisMenu/metisMenu.min.js"></script>
\t\t
\t\t<!-- Custom Theme JavaScript -->
\t\t<script src="/vendor/sb-admin-2/js/sb-admin-2.js"></script>
\t\t
\t\t<!-- Google reCAPTCHA -->
\t\t<script src="//www.google.com/recaptcha/api.js?render=explicit"></script>
\t\t
\t\t<script>
\t\t\tvar showFlyInBox = {"true" if fly_in else "false"};
\t\t</script>
\t\t
\t</body>
</html>
"""


DATATABLES_CSS = [
    "/vendor/datatables/css/dataTables.bootstrap.min.css",
    "/vendor/datatables-responsive/dataTables.responsive.css",
]
DATATABLES_JS = [
    "/vendor/datatables/js/jquery.dataTables.min.js",
    "/vendor/datatables-plugins/dataTables.bootstrap.min.js",
    "/vendor/datatables-responsive/dataTables.responsive.js",
]

_BLANK_WS = re.compile(r"^[ \t]+$", re.M)


def page(
    title: str,
    content: str,
    *,
    css: list[str] | None = None,
    js: list[str] | None = None,
    track_menu: bool = True,
    leading_newline: bool = True,
    strip_blank_lines: bool = False,
    year: str = "2025",
    fly_in: bool = False,
) -> str:
    """Wrap ``content`` (what goes inside ``div#page-wrapper``) in the full chrome.

    ``strip_blank_lines`` empties whitespace-only lines, as in the real catalogue,
    events and entry-list captures (the event hub and race pages keep them).
    """
    parts = [
        "\n" if leading_newline else "",
        "<!DOCTYPE html>\n",
        _head(title, css or [], year),
        _BODY_TOP,
        _TRACK_MENU if track_menu else "\n",
        _SIDEBAR_END,
        _quicklinks() if track_menu else "\n\n",
        '\t\t\t</nav>\n\t\t\t\n\t\t\t<div id="page-wrapper">\n\t\t\t\t\n',
        content,
        _footer(js or [], fly_in),
    ]
    text = "".join(parts)
    if strip_blank_lines:
        text = _BLANK_WS.sub("", text)
    return text
