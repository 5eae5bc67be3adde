package meili

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/meilisearch/meilisearch-go"

	"github.com/polywire/polywire/pipeline"
)

// TaskError is a Meilisearch task that failed, with the server's message.
type TaskError struct {
	TaskUID int64
	Type    string
	Code    string
	Message string
}

func (e *TaskError) Error() string {
	return fmt.Sprintf("task %d (%s) failed: %s [%s]", e.TaskUID, e.Type, e.Message, e.Code)
}

// wait blocks until the task ends; a failed or canceled task is an error,
// permanent when Meilisearch rejected the documents themselves.
func (x *Index) wait(ctx context.Context, ti *meilisearch.TaskInfo, doing string) error {
	task, err := x.client.WaitForTask(ctx, ti.TaskUID, x.poll)
	if err != nil {
		return fmt.Errorf("meili: %s: waiting for task %d: %w", doing, ti.TaskUID, classify(err))
	}
	switch task.Status {
	case meilisearch.TaskStatusSucceeded:
		return nil
	case meilisearch.TaskStatusFailed:
		te := &TaskError{TaskUID: ti.TaskUID, Type: string(task.Type), Code: string(task.Error.Code), Message: task.Error.Message}
		return fmt.Errorf("meili: %s: %w", doing, permanentIf(isPermanentCode(te.Code), te))
	default:
		return fmt.Errorf("meili: %s: task %d ended %s", doing, ti.TaskUID, task.Status)
	}
}

// taskCode returns the Meilisearch error code of a failed task, or "".
func taskCode(err error) string {
	var te *TaskError
	if errors.As(err, &te) {
		return te.Code
	}
	return ""
}

// classify marks request errors that no retry can fix (the documents are
// invalid) as permanent; network errors, timeouts, 5xx, 429 and auth errors
// (an operator can fix the key) stay retryable.
func classify(err error) error {
	var me *meilisearch.Error
	if errors.As(err, &me) && isPermanentCode(string(me.APIError.Code)) {
		return pipeline.Permanent(err)
	}
	return err
}

// isPermanentCode reports codes about the documents sent, not the server.
func isPermanentCode(code string) bool {
	switch {
	case strings.HasPrefix(code, "invalid_document_"), code == "missing_document_id",
		code == "payload_too_large", code == "malformed_payload":
		return true
	}
	return false
}

func permanentIf(cond bool, err error) error {
	if cond {
		return pipeline.Permanent(err)
	}
	return err
}
