"""A race's lap chart page: lap times and positions per lap, drawn as SVG here."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from mre_core.console.pages.charts import color, lap_time_chart, position_chart
from mre_core.console.pages.rendering import page_router, render, service

router = page_router()


@router.get("/races/{race}")
def race_page(request: Request, race: str) -> HTMLResponse:
    laps = service(request).race_laps(race)
    drivers = laps["drivers"]
    legend = [{**d, "color": color(i), "lap_count": len(d["laps"])} for i, d in enumerate(drivers)]
    return render(
        request,
        "race.html",
        race=laps["race"],
        legend=legend,
        times=lap_time_chart(drivers),
        positions=position_chart(drivers),
    )
