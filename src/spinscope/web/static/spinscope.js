/* spinscope: technique filter (legend clicks), minimum-confidence slider and the explanations switch.
   Only toggles classes and sets textContent; article text is never parsed as HTML. */
(function () {
  "use strict";

  function setup(root) {
    var hidden = {};
    var slider = root.querySelector(".min-score");
    var shown = root.querySelector(".min-score-value");
    var visible = root.querySelector(".visible-count");
    var marks = root.querySelectorAll(".hl");
    var tags = root.querySelectorAll(".explain-tag");
    var explain = root.querySelector(".explain-toggle");

    function apply() {
      var min = slider ? parseFloat(slider.value) : 0;
      var seen = {};
      for (var i = 0; i < marks.length; i++) {
        var el = marks[i];
        var off = hidden[el.getAttribute("data-t")] === true || parseFloat(el.getAttribute("data-score")) < min;
        el.classList.toggle("off", off);
        if (!off) { seen[el.getAttribute("data-span")] = true; }
      }
      for (var k = 0; k < tags.length; k++) {
        var tag = tags[k];
        tag.classList.toggle("off", hidden[tag.getAttribute("data-t")] === true || parseFloat(tag.getAttribute("data-score")) < min);
      }
      if (shown) { shown.textContent = min.toFixed(2); }
      if (visible) { visible.textContent = String(Object.keys(seen).length); }
    }

    var buttons = root.querySelectorAll(".legend-item");
    for (var j = 0; j < buttons.length; j++) {
      buttons[j].addEventListener("click", function (event) {
        var button = event.currentTarget;
        var t = button.getAttribute("data-t");
        hidden[t] = !hidden[t];
        button.setAttribute("aria-pressed", hidden[t] ? "false" : "true");
        apply();
      });
    }
    if (slider) { slider.addEventListener("input", apply); }
    if (explain) {
      var explaining = function () { root.classList.toggle("explaining", explain.checked); };
      explain.addEventListener("change", explaining);
      explaining();
    }
    apply();
  }

  function start() {
    var roots = document.querySelectorAll(".analysis");
    for (var i = 0; i < roots.length; i++) { setup(roots[i]); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
