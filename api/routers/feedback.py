"""Thumbs up/down and a comment on an answer; `plan-assistant feedback` lists them."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from api.deps import CallerDep, ServicesDep
from api.schemas import ErrorOut, FeedbackIn, FeedbackOut
from api.services.text import clean_text
from stores import conversations as conv_store

router = APIRouter(prefix="/api", tags=["feedback"])

ANSWER_NOT_FOUND = "Svaret findes ikke."


@router.post(
    "/feedback",
    response_model=FeedbackOut,
    status_code=201,
    responses={404: {"model": ErrorOut}},
    summary="Giv feedback på et svar",
)
def post_feedback(body: FeedbackIn, services: ServicesDep, caller: CallerDep) -> FeedbackOut:
    comment = clean_text(body.comment or "") or None
    with services.db() as conn:
        conv = conv_store.message_conversation(conn, body.message_id)
        if conv is None or conv["owner"] != caller.owner:
            raise HTTPException(status_code=404, detail=ANSWER_NOT_FOUND)
        feedback_id = conv_store.save_feedback(
            conn, body.message_id, body.rating, comment, caller.owner
        )
    return FeedbackOut(id=feedback_id, message_id=body.message_id, rating=body.rating)
