// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — documents and view state to and from their JSON bodies (file and export).
#pragma once

#include "ProjectModel.h"

#include <nlohmann/json.hpp>

#include <string>

namespace scs::project {

/// Ordered, so a saved model keeps its parameters in the order the user (or catalogue) wrote them.
using ojson = nlohmann::ordered_json;

/// The body of a known document: a playground {"model", "simulation", "analysis", ...extra} or a
/// catalogue model (the catalogue file's JSON) or a network graph (NetworkJson's form).
ojson documentBody(const Document& document);
/// Fills the document's member from its body. Throws ProjectError naming `where`.
void readDocumentBody(Document& document, const std::string& title, const ojson& body, const std::string& where);

ojson viewStateJson(const ViewState& view);
/// Reads a view state; parts that do not parse are dropped and reported in `warnings`.
ViewState readViewState(const ojson& json, std::vector<std::string>& warnings);

} // namespace scs::project
