// The query page: YASGUI pointed at this server's endpoint, and the named queries as examples.
(function () {
  "use strict";
  var endpoint = new URL("sparql", window.location.href).href;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    yasqe: { autocompleters: ["prefixes", "variables"] },
  });
  var examples = JSON.parse(document.getElementById("example-data").textContent);
  var list = document.getElementById("examples");
  examples.forEach(function (example) {
    var item = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = example.name;
    var question = document.createElement("small");
    question.textContent = example.question;
    button.appendChild(question);
    button.addEventListener("click", function () {
      var tab = yasgui.getTab();
      tab.setQuery(example.query);
      tab.query();
    });
    item.appendChild(button);
    item.dataset.search = (example.name + " " + example.question).toLowerCase();
    list.appendChild(item);
  });
  document.getElementById("filter").addEventListener("input", function (event) {
    var text = event.target.value.toLowerCase();
    Array.prototype.forEach.call(list.children, function (item) {
      item.hidden = text && item.dataset.search.indexOf(text) < 0;
    });
  });
  window.kgExamples = examples.length;
})();
