// The runs page: active runs update in place; "Cancel" on a queued or running run.
import { followActiveRows } from "./run_row.js";

followActiveRows();
